package dev.troopwatch.normalise;

import java.util.Set;

/**
 * Why a raw record cannot be processed: a stable machine-readable {@code reason} (written to the dead-letter
 * topic, counted in metrics) and a human-readable {@code detail}.
 */
public record Rejection(String reason, String detail) implements ValidationResult {
    public static final String NOT_JSON = "not-json";
    public static final String MISSING_FIELD = "missing-field";
    public static final String EMPTY_BODY = "empty-body";
    public static final String OVERSIZED = "oversized";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String BINARY = "binary";
    public static final String UNSUPPORTED_LANGUAGE = "unsupported-language";
    public static final String BAD_PUBLISHED = "bad-published";

    /** Every reason code the validator can give. */
    public static final Set<String> REASONS = Set.of(NOT_JSON, MISSING_FIELD, EMPTY_BODY, OVERSIZED, INVALID_UTF8,
            BINARY, UNSUPPORTED_LANGUAGE, BAD_PUBLISHED);

    public Rejection {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown rejection reason " + reason);
        }
        detail = detail == null ? "" : detail;
    }
}
