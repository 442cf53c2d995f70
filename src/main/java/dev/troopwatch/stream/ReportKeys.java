package dev.troopwatch.stream;

import java.time.Instant;

/**
 * Keys of the per-report stores ({@link StoreNames#HISTORY}, {@link StoreNames#FINGERPRINTS}): the situation, then
 * the zero-padded epoch millis of the report's time, then what tells reports of one millisecond apart. Keys sort as
 * their UTF-8 bytes, so one situation's records form one contiguous key range in time order ("KP-RU|" sorts before
 * "KP-RUS|" would, '|' being above every capital letter), read with range scans from a time on.
 */
public final class ReportKeys {
    private static final char SEPARATOR = '|';
    /** 13 digits reach the year 2286; later times share the last key position rather than break the order. */
    private static final long MAX_MILLIS = 9_999_999_999_999L;

    private ReportKeys() {
    }

    /** "KP-RU|0001729209600000|000000000042|article-id": same-time reports keep their arrival order. */
    public static String history(String situation, Instant eventTime, long sequence, String articleId) {
        StringBuilder key = at(situation, eventTime).append(SEPARATOR);
        padded(key, sequence, 12);
        return key.append(SEPARATOR).append(articleId).toString();
    }

    /** "KP-RU|0001729209600000|article-id". */
    public static String fingerprint(String situation, Instant published, String articleId) {
        return at(situation, published).append(SEPARATOR).append(articleId).toString();
    }

    /**
     * The lowest key of {@code situation} at {@code time}: a range from it takes the records of that millisecond on,
     * a range up to it (the bound itself is no record's key) those before it.
     */
    public static String from(String situation, Instant time) {
        return at(situation, time).toString();
    }

    /** Above every key of {@code situation}: after the separator comes a digit, and '~' sorts above digits. */
    public static String end(String situation) {
        return situation + SEPARATOR + '~';
    }

    /** Below every key of {@code situation}. */
    public static String start(String situation) {
        return situation + SEPARATOR;
    }

    private static StringBuilder at(String situation, Instant time) {
        StringBuilder key = new StringBuilder(situation.length() + 48).append(situation).append(SEPARATOR);
        padded(key, Math.min(MAX_MILLIS, Math.max(0L, millis(time))), 13);
        return key;
    }

    private static long millis(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            return time.isBefore(Instant.EPOCH) ? 0L : MAX_MILLIS;
        }
    }

    private static void padded(StringBuilder key, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            key.append('0');
        }
        key.append(digits);
    }
}
