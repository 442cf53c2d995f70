package dev.troopwatch.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The shared dev corpus, read at test time from {@code troopwatch.shared} (never copied into the repo). */
final class DevCorpus {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Case(GoldLabel gold, NormalisedArticle article) {
    }

    private DevCorpus() {
    }

    static Optional<Path> dir() {
        String shared = System.getProperty("troopwatch.shared", System.getenv().getOrDefault("TROOPWATCH_SHARED",
                "../shared"));
        Path dev = Path.of(shared, "corpus", "dev");
        return Files.isDirectory(dev) ? Optional.of(dev) : Optional.empty();
    }

    static List<Case> load(Path dir) {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path gold : files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList()) {
                Path txt = Path.of(gold.toString().replace(".gold.json", ".txt"));
                GoldLabel label = JSON.readValue(gold.toFile(), GoldLabel.class);
                cases.add(new Case(label, read(txt)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** Header format: key: value lines, a line "---", the body. */
    static NormalisedArticle read(Path txt) throws IOException {
        String raw = Files.readString(txt, StandardCharsets.UTF_8);
        int sep = raw.indexOf("\n---\n");
        String header = raw.substring(0, Math.max(0, sep));
        String body = sep < 0 ? raw : raw.substring(sep + 5);
        String title = "";
        Instant published = null;
        for (String line : header.split("\n")) {
            if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.startsWith("published:")) {
                String p = line.substring(10).strip();
                if (p.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    published = LocalDate.parse(p).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
            }
        }
        return SimpleArticles.of(txt.getFileName().toString(), title, body, published);
    }
}
