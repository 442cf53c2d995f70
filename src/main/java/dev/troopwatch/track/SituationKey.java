package dev.troopwatch.track;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A situation is whose troops (actor) in which country (host): "KP-RU" is North Korean troops in Russia.
 * Its string form is the Kafka key of every per-situation record.
 */
public record SituationKey(String actor, String host) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}");

    public SituationKey {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(host, "host");
        if (!CODE.matcher(actor).matches() || !CODE.matcher(host).matches()) {
            throw new IllegalArgumentException("situation codes must be 2-4 capital letters: " + actor + "-" + host);
        }
    }

    /** Parses "KP-RU". */
    public static SituationKey parse(String key) {
        int dash = key == null ? -1 : key.indexOf('-');
        if (dash < 0 || key.indexOf('-', dash + 1) >= 0) {
            throw new IllegalArgumentException("not a situation key (ACTOR-HOST): " + key);
        }
        return new SituationKey(key.substring(0, dash), key.substring(dash + 1));
    }

    @Override
    public String toString() {
        return actor + "-" + host;
    }
}
