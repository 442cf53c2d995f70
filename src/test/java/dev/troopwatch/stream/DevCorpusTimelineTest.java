package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.alert.Alert;
import dev.troopwatch.alert.AlertType;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.ingest.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev corpus's North Korea / Russia articles that carry a publication date, in publication order with every
 * other dated dev article mixed in, through the production topology: one coherent KP-RU history in the order issue 4
 * lists, nothing from a distractor, no duplicate from reprints. Reads {@code ../shared} at test time (system property
 * {@code troopwatch.shared}); never copies its text. Skipped, visibly, when the corpus is absent.
 */
class DevCorpusTimelineTest {
    private static final String KP_RU = "KP-RU";

    @TempDir
    Path stateDir;

    /** One dev article: its header fields, body and gold situations. */
    private record DevArticle(String file, LocalDate published, String headline, String source, String url,
                              String body, Set<String> goldSituations, boolean relevant, String goldLead) {
        String id() {
            return file.replaceFirst("\\.txt$", "");
        }

        boolean isKpRu() {
            return goldSituations.contains(KP_RU);
        }

        RawArticle raw() {
            return new RawArticle(id(), url, source, headline, published == null ? null : published.toString(), "en",
                    body);
        }
    }

    /** One step of the history issue 4 requires, in order. */
    private record Step(String what, Set<AlertType> types, LocalDate from, LocalDate to) {
        boolean matches(Alert alert) {
            LocalDate day = LocalDate.ofInstant(alert.eventTime(), ZoneOffset.UTC);
            return types.contains(alert.type()) && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private static final List<Step> REQUIRED = List.of(
            new Step("a plan or first deployment (Oct 2024)", Set.of(AlertType.PLANNED, AlertType.NEW_DEPLOYMENT),
                    LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31")),
            new Step("first combat (Nov 2024)", Set.of(AlertType.ENGAGEMENT),
                    LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30")),
            new Step("casualties", Set.of(AlertType.CASUALTIES),
                    LocalDate.parse("2024-11-01"), LocalDate.parse("2025-01-31")),
            new Step("a withdrawal from the front (Jan-Feb 2025)", Set.of(AlertType.WITHDRAWAL),
                    LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-26")),
            new Step("the redeployment (27 Feb 2025)", Set.of(AlertType.REDEPLOYMENT),
                    LocalDate.parse("2025-02-27"), LocalDate.parse("2025-02-27")),
            new Step("with reinforcement (27 Feb 2025)", Set.of(AlertType.REINFORCEMENT),
                    LocalDate.parse("2025-02-27"), LocalDate.parse("2025-02-27")),
            new Step("official confirmation by Pyongyang or Moscow (Apr 2025)",
                    Set.of(AlertType.OFFICIAL_CONFIRMATION), LocalDate.parse("2025-04-01"),
                    LocalDate.parse("2025-04-30")),
            new Step("reinforcement by engineers and deminers (Jun 2025)", Set.of(AlertType.REINFORCEMENT),
                    LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30")),
            new Step("their return home (Dec 2025)", Set.of(AlertType.WITHDRAWAL),
                    LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31")));

    @Test
    void devCorpusGivesOneCoherentKpRuHistory() throws IOException {
        Path dev = devCorpus();
        List<DevArticle> articles = load(dev);
        List<DevArticle> dated = articles.stream().filter(a -> a.published() != null)
                .sorted(Comparator.comparing(DevArticle::published).thenComparing(DevArticle::file)).toList();
        Map<String, DevArticle> byId = articles.stream().collect(Collectors.toMap(DevArticle::id, a -> a));
        System.out.println("dev corpus: " + dated.size() + " dated articles piped (" + dated.stream()
                .filter(DevArticle::isKpRu).count() + " KP-RU, the rest distractors); "
                + (articles.size() - dated.size()) + " undated ones left out: they have no place in publication order");

        printExtraction(dated);

        List<Alert> alerts;
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            dated.forEach(article -> pipeline.publish(article.raw()));
            alerts = pipeline.alerts();
        }

        System.out.println("dev-corpus alerts (" + alerts.size() + "):");
        for (Alert a : alerts) {
            System.out.printf("  %-10s %-22s %s %-10s -> %-10s theatre=%s troops=%s claimants=%s hedged=%s  [%s]%n",
                    a.alertId(), a.type(), LocalDate.ofInstant(a.eventTime(), ZoneOffset.UTC), a.from(), a.to(),
                    a.situation().theatre(), a.troops(), a.claimants(), a.hedged(), a.evidence().articleId());
        }

        List<String> problems = new ArrayList<>();
        for (Alert a : alerts) {
            DevArticle source = byId.get(a.evidence().articleId());
            String situation = a.situation().actor() + "-" + a.situation().host();
            if (source == null) {
                problems.add("alert from an unknown article " + a.evidence().articleId());
            } else if (!source.relevant()) {
                problems.add(a.alertId() + " " + a.type() + " comes from an irrelevant article " + source.file());
            } else if (situation.equals(KP_RU) && !source.isKpRu()) {
                problems.add(a.alertId() + " " + a.type() + " comes from a distractor " + source.file());
            } else if (!source.goldSituations().contains(situation)) {
                problems.add(a.alertId() + " " + a.type() + " is a situation " + source.file() + " does not report");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Alert a : alerts) {
            String key = a.situation().actor() + "-" + a.situation().host() + " " + a.type() + " " + a.to() + " "
                    + a.situation().theatre() + " " + LocalDate.ofInstant(a.eventTime(), ZoneOffset.UTC);
            if (!seen.add(key)) {
                problems.add("duplicate alert " + a.alertId() + ": " + key);
            }
        }

        List<Alert> kpRu = alerts.stream()
                .filter(a -> KP_RU.equals(a.situation().actor() + "-" + a.situation().host())).toList();
        int at = 0;
        for (Step step : REQUIRED) {
            int found = -1;
            for (int i = at; i < kpRu.size(); i++) {
                if (step.matches(kpRu.get(i))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                problems.add("missing, in order: " + step.what() + "; KP-RU articles of that period: "
                        + dated.stream().filter(DevArticle::isKpRu)
                        .filter(d -> !d.published().isBefore(step.from()) && !d.published().isAfter(step.to()))
                        .map(d -> d.file() + " (gold lead " + d.goldLead() + ")").toList());
            } else {
                at = found + 1;
            }
        }
        if (!kpRu.isEmpty() && !REQUIRED.get(0).matches(kpRu.get(0))) {
            problems.add("the KP-RU history does not open with a plan or first deployment: " + kpRu.get(0).type());
        }
        problems.forEach(p -> System.out.println("PROBLEM: " + p));
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) with the dev-corpus timeline:\n  " + String.join("\n  ", problems));
        }
        assertTrue(kpRu.size() >= REQUIRED.size());
    }

    /** What the production extractor finds for KP-RU in each dated KP-RU article, beside the gold lead. */
    private static void printExtraction(List<DevArticle> dated) {
        PipelineParts parts = ProductionParts.create();
        System.out.println("dev-corpus KP-RU extraction (file | gold lead | extracted lead | extracted background):");
        for (DevArticle article : dated) {
            if (!article.isKpRu()) {
                continue;
            }
            CleaningOutcome outcome = parts.cleaner().clean(PipelineHarness.bytes(article.raw()), Instant.now());
            if (outcome.article() == null) {
                System.out.println("  " + article.file() + " REJECTED " + outcome.reason() + " " + outcome.detail());
                continue;
            }
            List<Mention> mentions = parts.extractor().extract(outcome.article()).stream()
                    .filter(m -> m.actor().equals("KP") && m.host().equals("RU")).toList();
            System.out.printf("  %s %s | gold %s | lead %s | background %s%n", article.published(), article.file(),
                    article.goldLead(),
                    mentions.stream().filter(Mention::lead).map(m -> m.status() + "/" + m.theatre() + "/"
                            + m.troops() + "/" + m.claimant() + (m.hedged() ? "/hedged" : "")).toList(),
                    mentions.stream().filter(m -> !m.lead()).map(m -> m.status().toString()).distinct().toList());
        }
    }

    private static Path devCorpus() {
        String shared = System.getProperty("troopwatch.shared");
        Path dev = shared == null ? null : Path.of(shared, "corpus", "dev");
        Assumptions.assumeTrue(dev != null && Files.isDirectory(dev),
                "SKIPPED: dev corpus not found (system property troopwatch.shared=" + shared + ")");
        return dev;
    }

    private static List<DevArticle> load(Path dev) throws IOException {
        List<DevArticle> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dev)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                articles.add(parse(file));
            }
        }
        return articles;
    }

    /** Header format: {@code key: value} lines, a line {@code ---}, then the body. */
    private static DevArticle parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int split = text.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalStateException(file + ": no '---' line after the header");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                header.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
        }
        String published = header.getOrDefault("published", "unknown");
        String url = header.get("url");
        Path gold = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.txt$", ".gold.json"));
        JsonNode goldJson = Json.mapper().readTree(gold.toFile());
        Set<String> situations = new HashSet<>();
        String kpRuLead = null;
        for (JsonNode s : goldJson.path("situations")) {
            String key = s.path("actor").asText() + "-" + s.path("host").asText();
            situations.add(key);
            if (key.equals(KP_RU)) {
                kpRuLead = s.path("lead").toString();
            }
        }
        boolean kpRu = situations.contains(KP_RU);
        // a situation the guide calls defensible (optional) may alert, but it does not make a KP-RU article
        for (JsonNode o : goldJson.path("optional")) {
            String key = o.path("actor").asText() + "-" + o.path("host").asText();
            if (!key.equals(KP_RU) || kpRu) {
                situations.add(key);
            }
        }
        return new DevArticle(file.getFileName().toString(),
                published.equals("unknown") ? null : LocalDate.parse(published.substring(0, 10)),
                header.get("title"), header.get("outlet"), url == null || url.equals("unknown") ? null : url,
                text.substring(split + 5), situations, goldJson.path("relevant").asBoolean(), kpRuLead);
    }
}
