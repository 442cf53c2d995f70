package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.track.MinHash;
import dev.troopwatch.track.ReportFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ReportKeysTest {
    private static final Instant T = Instant.parse("2024-10-18T04:10:00Z");

    /** Keys sort as their UTF-8 bytes, as RocksDB compares them. */
    private static TreeMap<String, String> byBytes() {
        return new TreeMap<>((a, b) -> java.util.Arrays.compareUnsigned(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void oneSituationIsOneRangeInTimeThenArrivalOrder() {
        TreeMap<String, String> store = byBytes();
        store.put(ReportKeys.history("KP-RU", T.plusSeconds(86_400), 1, "later"), "later");
        store.put(ReportKeys.history("KP-RU", T, 3, "zz-same-time-second"), "second");
        store.put(ReportKeys.history("KP-RU", T, 2, "aa-same-time-first"), "first");
        store.put(ReportKeys.history("KP-RU", Instant.parse("2001-01-01T00:00:00Z"), 4, "old"), "old");
        store.put(ReportKeys.history("KP-RUS", T, 1, "other"), "other situation");
        store.put(ReportKeys.history("KP-R", T, 1, "other"), "other situation");
        store.put(ReportKeys.history("KP-RU", Instant.parse("1960-01-01T00:00:00Z"), 5, "before-1970"), "clamped");
        List<String> range = new ArrayList<>(store.subMap(ReportKeys.start("KP-RU"), true,
                ReportKeys.end("KP-RU"), true).values());
        assertEquals(List.of("clamped", "old", "first", "second", "later"), range);
    }

    @Test
    void aRangeFromATimeToATimeTakesThatHalfOpenInterval() {
        TreeMap<String, String> store = byBytes();
        for (int h = 0; h < 5; h++) {
            store.put(ReportKeys.fingerprint("US-PL", T.plusSeconds(3600L * h), "id" + h), "h" + h);
        }
        assertEquals(List.of("h1", "h2"), new ArrayList<>(store.subMap(ReportKeys.from("US-PL", T.plusSeconds(3600)),
                true, ReportKeys.from("US-PL", T.plusSeconds(3 * 3600)), true).values()));
        assertTrue(store.subMap(ReportKeys.from("US-PL", T.plusSeconds(1)), true,
                ReportKeys.from("US-PL", T.plusSeconds(2)), true).isEmpty());
    }

    @Test
    void aFingerprintSurvivesItsBinaryForm() {
        Serde<ReportFingerprint> serde = FingerprintSerde.serde();
        ReportFingerprint full = new ReportFingerprint("id-\u00e9", MinHash.signature("some words of a text here"),
                "AFP", "Outlet \u4e00", T.plusNanos(123), "orig");
        ReportFingerprint sparse = new ReportFingerprint("id2", MinHash.signature("other"), null, null, T, null);
        for (ReportFingerprint f : List.of(full, sparse)) {
            assertEquals(f, serde.deserializer().deserialize("t", serde.serializer().serialize("t", f)));
        }
        byte[] bytes = serde.serializer().serialize("t", full);
        assertTrue(bytes.length < 320, "compact: " + bytes.length);
        byte[] cut = java.util.Arrays.copyOf(bytes, 40);
        try {
            serde.deserializer().deserialize("t", cut);
            throw new AssertionError("a cut record must not read");
        } catch (SerializationException expected) {
            assertTrue(expected.getMessage().contains("unreadable fingerprint"));
        }
    }
}
