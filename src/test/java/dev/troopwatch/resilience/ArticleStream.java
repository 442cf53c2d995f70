package dev.troopwatch.resilience;

import dev.troopwatch.ingest.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.kafka.common.utils.Utils;

/**
 * A deterministic stream of wire articles written for the resilience tests (our own sentences, no corpus text):
 * several situations, each walking through a sequence of statuses (deployment, reinforcement, combat, losses,
 * withdrawal, return), with re-reports that change nothing, syndicated reprints by other outlets, and distractors
 * that mention soldiers or countries without any deployment. The same seed gives the same articles in the same order.
 *
 * <p>Every article of one situation gets an id whose Kafka default-partitioner partition is the situation's own.
 * The article then travels through the same partition of the raw and the clean topic, and the reports of a
 * situation reach the tracker in publication order whatever the scheduling of the tasks. That makes the correct
 * alerts a function of the input alone, so a TopologyTestDriver run gives the expected result of a real cluster
 * with several partitions and instances.
 */
final class ArticleStream {
    /** One (actor, host) pair the stream reports on, with the words the articles use for it. */
    record Situation(String code, String country, String demonym, String host, List<String> theatres,
                     String claimant, String enemy) {
    }

    /** An article and the situation it is about (null for a distractor). */
    record Wire(RawArticle article, String situation) {
        byte[] key() {
            return article.id().getBytes(StandardCharsets.UTF_8);
        }
    }

    static final List<Situation> SITUATIONS = List.of(
            new Situation("KP-RU", "North Korea", "North Korean", "Russia", List.of("Kursk", "Belgorod"),
                    "South Korea's intelligence service", "Ukrainian"),
            new Situation("US-PL", "the United States", "American", "Poland", List.of("Zagan", "Powidz"),
                    "the Pentagon", "hostile"),
            new Situation("FR-TD", "France", "French", "Chad", List.of("Abeche", "Faya"),
                    "the French defence ministry", "rebel"),
            new Situation("RU-ML", "Russia", "Russian", "Mali", List.of("Gao", "Timbuktu"),
                    "a Malian army spokesman", "insurgent"),
            new Situation("TR-LY", "Turkey", "Turkish", "Libya", List.of("Sirte", "Benghazi"),
                    "the Turkish defence ministry", "militia"),
            new Situation("GB-EE", "Britain", "British", "Estonia", List.of("Tapa", "Narva"),
                    "the Ministry of Defence in London", "hostile"),
            new Situation("IR-SY", "Iran", "Iranian", "Syria", List.of("Aleppo", "Deir ez-Zor"),
                    "a monitoring group", "rebel"),
            new Situation("DE-LT", "Germany", "German", "Lithuania", List.of("Rukla", "Vilnius"),
                    "the German army", "hostile"));

    private static final List<String> AGENCIES = List.of("AFP", "Reuters", "AP");
    private static final List<String> OUTLETS = List.of("Harbour Daily", "Island Tribune", "Capital Courier",
            "Gulf Evening Post", "Northern Ledger", "Valley Gazette", "Coastal Times", "Prairie Herald");

    private enum Step { DEPLOY, REREPORT, REINFORCE, ENGAGE, CASUALTIES, WITHDRAW, REDEPLOY }

    private final Random random;
    private final int partitions;

    private ArticleStream(long seed, int partitions) {
        this.random = new Random(seed);
        this.partitions = partitions;
    }

    /**
     * The stream, in publication order.
     *
     * @param seed              everything random derives from it
     * @param storiesPerSituation status steps per situation (each with its reprints)
     * @param partitions        partition count of the raw and clean topics the stream will be published to
     */
    static List<Wire> generate(long seed, int storiesPerSituation, int partitions) {
        return new ArticleStream(seed, partitions).build(storiesPerSituation);
    }

    private List<Wire> build(int storiesPerSituation) {
        List<Wire> wires = new ArrayList<>();
        Instant start = Instant.parse("2024-01-08T06:00:00Z");
        for (int s = 0; s < SITUATIONS.size(); s++) {
            Situation situation = SITUATIONS.get(s);
            Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 20)));
            Step previous = null;
            for (int story = 0; story < storiesPerSituation; story++) {
                Step step = next(previous);
                RawArticle original = story(situation, s, story, step, at);
                wires.add(new Wire(original, situation.code()));
                int reprints = random.nextInt(10) < 4 ? 1 + random.nextInt(3) : 0;
                for (int r = 1; r <= reprints; r++) {
                    wires.add(new Wire(reprint(original, s, story, r), situation.code()));
                }
                previous = step;
                at = at.plus(Duration.ofHours(24 * (3 + random.nextInt(12)) + random.nextInt(24)));
            }
        }
        int distractors = wires.size() / 5;
        for (int d = 0; d < distractors; d++) {
            wires.add(new Wire(distractor(d, start.plus(Duration.ofHours(random.nextInt(24 * 400)))), null));
        }
        wires.sort(Comparator.comparing((Wire w) -> Instant.parse(w.article().published()))
                .thenComparing(w -> w.article().id()));
        return List.copyOf(wires);
    }

    /** A plausible next status: deployments grow and fight, then leave, sometimes come back; re-reports between. */
    private Step next(Step previous) {
        if (previous == null) {
            return Step.DEPLOY;
        }
        if (random.nextInt(5) == 0) {
            return Step.REREPORT;
        }
        return switch (previous) {
            case DEPLOY, REREPORT, REDEPLOY -> pick(Step.REINFORCE, Step.ENGAGE, Step.REINFORCE);
            case REINFORCE -> pick(Step.ENGAGE, Step.REINFORCE, Step.WITHDRAW);
            case ENGAGE -> pick(Step.CASUALTIES, Step.CASUALTIES, Step.WITHDRAW);
            case CASUALTIES -> pick(Step.WITHDRAW, Step.CASUALTIES, Step.REINFORCE);
            case WITHDRAW -> Step.REDEPLOY;
        };
    }

    private RawArticle story(Situation s, int situationIndex, int story, Step step, Instant at) {
        String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
        String outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
        String theatre = s.theatres().get(random.nextInt(s.theatres().size()));
        String day = at.atZone(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        int troops = (1 + random.nextInt(40)) * 250;
        String country = capitalised(s.country());
        String dateline = s.host().toUpperCase(Locale.ROOT) + " (" + agency + ") - ";
        String headline;
        String lead;
        String background;
        switch (step) {
            case DEPLOY -> {
                headline = country + " sends troops to " + s.host();
                lead = country + " has deployed about " + String.format(Locale.ROOT, "%,d", troops) + " soldiers to "
                        + s.host() + ", " + s.claimant() + " said on " + day + ".";
                background = "The troops are stationed near " + theatre + ", the statement added.";
            }
            case REREPORT -> {
                headline = s.demonym() + " troops still in " + s.host();
                lead = s.demonym() + " soldiers remain in " + s.host() + ", " + s.claimant() + " said on " + day
                        + ", giving no new figures.";
                background = "Officials described the situation around " + theatre + " as calm.";
            }
            case REINFORCE -> {
                headline = "More " + s.demonym() + " troops arrive in " + s.host();
                lead = country + " has sent " + String.format(Locale.ROOT, "%,d", troops) + " additional soldiers to "
                        + s.host() + ", " + s.claimant() + " said on " + day + ".";
                background = "The reinforcements were flown to " + theatre + " overnight.";
            }
            case ENGAGE -> {
                headline = s.demonym() + " troops in fighting near " + theatre;
                lead = s.demonym() + " soldiers fought " + s.enemy() + " forces near " + theatre + " in " + s.host()
                        + ", " + s.claimant() + " said on " + day + ".";
                background = "The clashes lasted several hours, officials said.";
            }
            case CASUALTIES -> {
                int lost = (1 + random.nextInt(30)) * (story + 1) * 10;
                headline = s.demonym() + " soldiers killed in " + s.host();
                lead = "About " + String.format(Locale.ROOT, "%,d", lost) + " " + s.demonym()
                        + " soldiers have been killed or wounded in fighting near " + theatre + " in " + s.host()
                        + ", " + s.claimant() + " said on " + day + ".";
                background = "The figure could not be independently verified.";
            }
            case WITHDRAW -> {
                headline = s.demonym() + " troops pulled out of " + s.host();
                lead = s.demonym() + " troops have been withdrawn from " + s.host() + ", " + s.claimant()
                        + " said on " + day + ".";
                background = "The last convoy left " + theatre + " at dawn, witnesses said.";
            }
            case REDEPLOY -> {
                headline = s.demonym() + " troops back in " + s.host();
                lead = s.demonym() + " soldiers have been redeployed to " + theatre + " in " + s.host() + ", "
                        + s.claimant() + " said on " + day + ".";
                background = "They had left the country earlier this year.";
            }
            default -> throw new IllegalStateException("unhandled step " + step);
        }
        String body = dateline + lead + "\n\n" + background + "\n\n"
                + "Neither government commented on the report.";
        String id = idFor(s.code().toLowerCase(Locale.ROOT) + "-" + story + "-" + step.name().toLowerCase(Locale.ROOT),
                situationIndex);
        return new RawArticle(id, "https://wires.example/" + id, outlet + " (" + agency + ")", headline,
                at.toString(), "en", body);
    }

    /** The same wire reprinted by another outlet a little later, with its own headline and site furniture. */
    private RawArticle reprint(RawArticle original, int situationIndex, int story, int copy) {
        String outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
        String agency = original.source().substring(original.source().indexOf('(') + 1,
                original.source().indexOf(')'));
        Instant at = Instant.parse(original.published()).plus(Duration.ofMinutes(20 + random.nextInt(600)));
        String body = (random.nextBoolean() ? "Sign up for our morning briefing.\n\n" : "") + original.body();
        String id = idFor(original.id().substring(0, original.id().lastIndexOf('-')) + "-reprint-" + story + copy,
                situationIndex);
        return new RawArticle(id, "https://reprints.example/" + id, outlet + " (" + agency + ")",
                "Report: " + original.headline(), at.toString(), "en", body);
    }

    private RawArticle distractor(int index, Instant at) {
        String id = "distractor-" + index;
        String day = at.atZone(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String headline;
        String body;
        switch (index % 4) {
            case 0 -> {
                headline = "Young troops carry the home side to victory";
                body = "The coach sent his young troops forward from the first whistle on " + day
                        + " and they won the derby 2-0.\n\nThe visitors have now lost three games in a row.";
            }
            case 1 -> {
                headline = "Central bank holds rates";
                body = "The central bank left its key rate unchanged on " + day + ", citing slowing inflation."
                        + "\n\nMarkets had expected the decision.";
            }
            case 2 -> {
                headline = "Storm closes ports along the coast";
                body = "A winter storm closed three ports on " + day + " and cut power to thousands of homes."
                        + "\n\nForecasters expect calmer weather by the weekend.";
            }
            default -> {
                headline = "Ministers meet to discuss trade";
                body = "Trade ministers from twelve countries met on " + day + " to discuss tariffs on steel."
                        + "\n\nNo agreement was reached.";
            }
        }
        return new RawArticle(id, "https://other.example/" + id, "Ledger Wire", headline, at.toString(), "en",
                body);
    }

    /** {@code base} plus the first suffix that lands the key on the situation's partition. */
    private String idFor(String base, int situationIndex) {
        int target = situationIndex % partitions;
        for (int n = 0; ; n++) {
            String id = base + "-" + n;
            if (partition(id, partitions) == target) {
                return id;
            }
        }
    }

    /** The Kafka default partitioner's choice for a string key. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Step pick(Step... steps) {
        return steps[random.nextInt(steps.length)];
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
