package dev.troopwatch.track;

import java.time.Instant;
import java.util.List;

/**
 * What one report changes in a situation's remembered fingerprints.
 *
 * @param remember     the report's fingerprint, or null when it is not kept (older than the window of the newest)
 * @param forgetBefore fingerprints published before this are out of the window and forgotten, or null
 * @param forget       fingerprints inside the window forgotten because the situation holds too many (oldest first)
 */
public record FingerprintChange(ReportFingerprint remember, Instant forgetBefore, List<ReportFingerprint> forget) {
    public static final FingerprintChange NONE = new FingerprintChange(null, null, List.of());

    public FingerprintChange {
        forget = forget == null ? List.of() : List.copyOf(forget);
    }
}
