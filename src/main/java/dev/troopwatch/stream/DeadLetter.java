package dev.troopwatch.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A record troopwatch could not process, as written to {@code troopwatch.deadletter} (key = the original key).
 * Enough to understand the failure and to replay the original bytes once the cause is fixed. JSON Schema in
 * {@code topics/troopwatch.deadletter.json}.
 *
 * @param reason          machine-readable reason: a validation code ({@code not-json}, {@code missing-field},
 *                        {@code empty-body}, {@code oversized}, {@code invalid-utf8}, {@code binary},
 *                        {@code unsupported-language}, {@code bad-published}) or {@code processing-error},
 *                        {@code deserialization-error}, {@code serialization-error}, {@code production-error}
 * @param detail          human-readable detail (exception message for errors)
 * @param stage           the processor (or topology stage) where it failed
 * @param sourceTopic     topic of the record that failed, or null when unknown
 * @param sourcePartition its partition, or -1
 * @param sourceOffset    its offset, or -1
 * @param keyBase64       the original key bytes, base64, or null
 * @param valueBase64     the original value bytes, base64, or null (omitted when they were too large to forward)
 * @param failedAt        when it failed
 */
public record DeadLetter(String reason, String detail, String stage,
                         @JsonProperty("source_topic") String sourceTopic,
                         @JsonProperty("source_partition") int sourcePartition,
                         @JsonProperty("source_offset") long sourceOffset,
                         @JsonProperty("key_base64") String keyBase64,
                         @JsonProperty("value_base64") String valueBase64,
                         @JsonProperty("failed_at") Instant failedAt) {
    public static final String PROCESSING_ERROR = "processing-error";
    public static final String DESERIALIZATION_ERROR = "deserialization-error";
    public static final String SERIALIZATION_ERROR = "serialization-error";
    public static final String PRODUCTION_ERROR = "production-error";

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(failedAt, "failedAt");
        detail = detail == null ? "" : detail;
    }
}
