package dev.troopwatch.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one troopwatch instance is doing, from its own Kafka Streams client metrics (counts since the instance
 * started). {@code error} is set, and the figures are null, when a remote instance could not be asked.
 *
 * @param instance          host:port of its HTTP API ({@code application.server})
 * @param state             Kafka Streams state: RUNNING, REBALANCING, ERROR, ...
 * @param articlesPerSecond raw articles consumed per second (Kafka's windowed rate)
 * @param articles          raw articles consumed
 * @param events            extracted troop-deployment events produced
 * @param alerts            alerts produced
 * @param deadLetters       dead letters produced
 * @param consumerLag       records behind the end of the input partitions it owns
 */
public record InstanceHealth(String instance, String state,
                             @JsonProperty("articles_per_second") Double articlesPerSecond,
                             Long articles, Long events, Long alerts,
                             @JsonProperty("dead_letters") Long deadLetters,
                             @JsonProperty("consumer_lag") Long consumerLag,
                             String error) {

    public static InstanceHealth unreachable(String instance, String error) {
        return new InstanceHealth(instance, "UNREACHABLE", null, null, null, null, null, null, error);
    }
}
