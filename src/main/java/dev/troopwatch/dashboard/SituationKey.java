package dev.troopwatch.dashboard;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a situation, "ACTOR-HOST" (e.g. "KP-RU": North Korean troops in Russia), as used by the situation
 * store, the alerts topic and the dashboard's URLs.
 */
public record SituationKey(String actor, String host) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern KEY = Pattern.compile("([A-Za-z]{2,4})-([A-Za-z]{2,4})");

    public SituationKey {
        if (actor == null || !CODE.matcher(actor).matches()) {
            throw new IllegalArgumentException("bad actor code: " + actor);
        }
        if (host == null || !CODE.matcher(host).matches()) {
            throw new IllegalArgumentException("bad host code: " + host);
        }
    }

    /** Parses "KP-RU" (case-insensitive); throws {@link IllegalArgumentException} on anything else. */
    public static SituationKey parse(String text) {
        Matcher m = text == null ? null : KEY.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a situation key looks like ACTOR-HOST, e.g. KP-RU; got '" + text + "'");
        }
        return new SituationKey(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
    }

    /** True for a well-formed country or organisation code such as "KP" or "NATO". */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return actor + "-" + host;
    }
}
