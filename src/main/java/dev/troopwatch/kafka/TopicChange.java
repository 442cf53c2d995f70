package dev.troopwatch.kafka;

import java.util.Locale;

/**
 * What applying one topic spec did, for the report of {@code topics --apply} and the application's start.
 *
 * @param topic  topic name
 * @param kind   what happened
 * @param detail the specifics, e.g. "retention.ms: 604800000 -> 2592000000"
 */
public record TopicChange(String topic, Kind kind, String detail) {
    public enum Kind {
        CREATED,
        CONFIG_ALTERED,
        PARTITIONS_INCREASED,
        UNCHANGED,
        /** The cluster differs in a way we never change automatically (fewer partitions, other replication). */
        NOT_CHANGED_BY_DESIGN
    }

    /** True when the cluster was modified. */
    public boolean modified() {
        return kind == Kind.CREATED || kind == Kind.CONFIG_ALTERED || kind == Kind.PARTITIONS_INCREASED;
    }

    @Override
    public String toString() {
        return String.format("%-28s %-22s %s", topic, kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), detail);
    }
}
