package dev.troopwatch.ingest;

import java.util.Objects;

/**
 * Input that was not published, and why.
 *
 * @param origin file, file:line or feed item it came from
 * @param reason what is wrong, for the person who supplied it
 */
public record Rejection(String origin, String reason) {
    public Rejection {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return origin + ": " + reason;
    }
}
