package dev.troopwatch.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Raises partitions, replication and topic configs for a cluster without editing Java or {@code topics/}.
 *
 * <p>Properties (from {@code --config FILE} or flags), per topic winning over all topics:
 * <pre>
 * topics.partitions=6                          every topic
 * topics.replication.factor=3                  every topic
 * topics.config.min.insync.replicas=2          a topic config, every topic
 * topics.troopwatch.alerts.partitions=12       one topic
 * topics.troopwatch.alerts.replication.factor=3
 * topics.troopwatch.alerts.config.retention.ms=-1
 * </pre>
 * A {@code topics.} key that names no known topic or setting fails, so a typo cannot go unnoticed.
 */
public final class TopicOverrides {
    public static final String PREFIX = "topics.";
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String CONFIG = "config.";
    /** {@code topics.dir} chooses the topic files; it is read by the runtime, not here. */
    public static final String DIR = "topics.dir";

    private TopicOverrides() {
    }

    public static List<TopicSpec> apply(List<TopicSpec> specs, Properties properties) {
        List<TopicSpec> result = new ArrayList<>();
        // Longest names first so "topics.a.b.partitions" is not read as a setting of a topic named "a".
        List<String> names = specs.stream().map(TopicSpec::name)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !key.equals(DIR) && setting(key.substring(PREFIX.length()), names) == null) {
                throw new IllegalArgumentException("unknown topic override '" + key + "': use topics.partitions, "
                        + "topics.replication.factor, topics.config.<config>, or topics.<topic>.<same>; topics are "
                        + String.join(", ", names));
            }
        }
        for (TopicSpec spec : specs) {
            TopicSpec updated = applyTo(spec, properties, PREFIX);
            result.add(applyTo(updated, properties, PREFIX + spec.name() + "."));
        }
        return List.copyOf(result);
    }

    private static TopicSpec applyTo(TopicSpec spec, Properties properties, String prefix) {
        TopicSpec updated = spec;
        String partitions = properties.getProperty(prefix + PARTITIONS);
        if (partitions != null) {
            updated = updated.withPartitions(positive(prefix + PARTITIONS, partitions));
        }
        String replication = properties.getProperty(prefix + REPLICATION_FACTOR);
        if (replication != null) {
            updated = updated.withReplicationFactor(positive(prefix + REPLICATION_FACTOR, replication));
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix + CONFIG)) {
                updated = updated.withConfig(key.substring((prefix + CONFIG).length()), properties.getProperty(key));
            }
        }
        return updated;
    }

    /** The setting part of an override key, or null when the key fits no form. */
    private static String setting(String rest, List<String> topicNames) {
        for (String name : topicNames) {
            if (rest.startsWith(name + ".")) {
                return known(rest.substring(name.length() + 1));
            }
        }
        return known(rest);
    }

    private static String known(String setting) {
        boolean ok = setting.equals(PARTITIONS) || setting.equals(REPLICATION_FACTOR)
                || (setting.startsWith(CONFIG) && setting.length() > CONFIG.length());
        return ok ? setting : null;
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(key + " must be a positive integer, got '" + value + "'");
    }
}
