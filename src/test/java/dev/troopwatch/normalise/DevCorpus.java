package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.troopwatch.ingest.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared dev corpus ({@code troopwatch.shared}/corpus/dev/*.txt), read at test time only: a header of
 * {@code key: value} lines, a line {@code ---}, then the body. "unknown" header values mean absent.
 */
final class DevCorpus {
    record Article(Path file, RawArticle raw) {
    }

    private DevCorpus() {
    }

    /** All dev articles; skips the calling test with a message when the corpus is not there. */
    static List<Article> articles() {
        String shared = System.getProperty("troopwatch.shared");
        Path dir = shared == null ? null : Path.of(shared, "corpus", "dev");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "dev corpus not found (system property troopwatch.shared=" + shared + "); skipping corpus test");
        try (Stream<Path> files = Files.list(dir)) {
            List<Article> articles = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted()
                    .map(DevCorpus::read).toList();
            assumeTrue(!articles.isEmpty(), "dev corpus is empty; skipping corpus test");
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> header = new HashMap<>();
        int bodyStart = 0;
        int pos = 0;
        while (pos < content.length()) {
            int nl = content.indexOf('\n', pos);
            String line = nl < 0 ? content.substring(pos) : content.substring(pos, nl);
            pos = nl < 0 ? content.length() : nl + 1;
            if (line.strip().equals("---")) {
                bodyStart = pos;
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1).strip();
                header.put(line.substring(0, colon).strip(), value.equals("unknown") ? null : value);
            }
        }
        String body = content.substring(bodyStart);
        String name = file.getFileName().toString();
        RawArticle raw = new RawArticle(name.substring(0, name.length() - 4), header.get("url"), header.get("outlet"),
                header.get("title"), header.get("published"), "en", body);
        return new Article(file, raw);
    }
}
