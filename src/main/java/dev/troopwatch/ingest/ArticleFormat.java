package dev.troopwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.troopwatch.stream.Json;
import java.util.Locale;

/** The input formats {@code publish} reads, and how one is recognised. */
public enum ArticleFormat {
    /** {@code key: value} lines, {@code ---}, body ({@link HeaderArticleParser}). */
    HEADER,
    /** One JSON article per file (or an array of them), our field names or ninjs. */
    JSON,
    /** One JSON article per line. */
    NDJSON;


    /**
     * By extension where it is unambiguous ({@code .ndjson}, {@code .jsonl}), else by content: text opening with
     * JSON is one document if it parses as one, else NDJSON; text opening with a header line is the header format.
     * Null when it is none of them.
     */
    public static ArticleFormat detect(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return NDJSON;
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                Json.singleDocumentReader().readTree(trimmed);
                return JSON;
            } catch (JsonProcessingException e) {
                String firstLine = trimmed.lines().findFirst().orElse("");
                return trimmed.startsWith("{") && isJson(firstLine) ? NDJSON : JSON;
            }
        }
        return HeaderArticleParser.looksLikeHeaderFormat(text) ? HEADER : null;
    }

    private static boolean isJson(String line) {
        try {
            Json.singleDocumentReader().readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
