package dev.troopwatch.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plain-text wire format: {@code key: value} header lines, a line {@code ---}, then the body.
 * <pre>
 * url: https://example.org/story
 * outlet: Example Wire (AFP)
 * title: Troops leave the border base
 * published: 2024-12-23
 * ---
 * The last soldiers left the base on Saturday...
 * </pre>
 * Keys are case-insensitive; {@code outlet}/{@code source}, {@code title}/{@code headline} and
 * {@code published}/{@code date} are synonyms; {@code id} and {@code language} are optional. A value {@code unknown}
 * (or an empty one) means absent. Other keys are allowed and ignored.
 */
public final class HeaderArticleParser {
    private static final Map<String, String> FIELDS = Map.of("id", "id", "url", "url", "outlet", "source",
            "source", "source", "title", "headline", "headline", "headline", "published", "published",
            "date", "published", "language", "language", "lang", "language");
    private static final Set<String> ABSENT = Set.of("", "unknown", "n/a", "none", "null");
    private static final String SEPARATOR = "---";

    private HeaderArticleParser() {
    }

    /** True when {@code text} opens like this format: a {@code key: value} line, and a {@code ---} line follows. */
    public static boolean looksLikeHeaderFormat(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        int colon = first.indexOf(':');
        return colon > 0 && first.substring(0, colon).strip().matches("[A-Za-z_-]{1,40}")
                && text.lines().anyMatch(l -> l.strip().equals(SEPARATOR));
    }

    public static RawArticle parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, String> fields = new HashMap<>();
        int line = 0;
        while (line < lines.length && lines[line].isBlank()) {
            line++;
        }
        for (; line < lines.length && !lines[line].strip().equals(SEPARATOR); line++) {
            String header = lines[line];
            if (header.isBlank()) {
                continue;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UnreadableArticleException("line " + (line + 1) + ": expected 'key: value' or '---', got '"
                        + abbreviate(header) + "'");
            }
            String field = FIELDS.get(header.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            String value = header.substring(colon + 1).strip();
            if (field != null && !ABSENT.contains(value.toLowerCase(Locale.ROOT))) {
                fields.putIfAbsent(field, value);
            }
        }
        if (line >= lines.length) {
            throw new UnreadableArticleException("no '---' line between the header and the body");
        }
        StringBuilder body = new StringBuilder();
        for (int i = line + 1; i < lines.length; i++) {
            body.append(lines[i].stripTrailing()).append('\n');
        }
        String bodyText = body.toString().strip();
        return new RawArticle(fields.get("id"), fields.get("url"), fields.get("source"), fields.get("headline"),
                fields.get("published"), fields.get("language"), bodyText.isEmpty() ? null : bodyText);
    }

    private static String abbreviate(String s) {
        String stripped = s.strip();
        return stripped.length() <= 60 ? stripped : stripped.substring(0, 57) + "...";
    }
}
