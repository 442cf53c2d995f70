package dev.troopwatch.dashboard;

import dev.troopwatch.stream.TopicNames;

/**
 * Which topics the health panel counts: raw articles in, alerts and dead letters out (extracted events are counted by
 * the extract stage itself).
 */
public record PipelineTopics(String input, String alerts, String deadLetters) {

    public static PipelineTopics defaults() {
        return new PipelineTopics(TopicNames.ARTICLES_RAW, TopicNames.ALERTS, TopicNames.DEADLETTER);
    }

    boolean isInput(String topic) {
        return topic.equals(input);
    }

    boolean isAlerts(String topic) {
        return topic.equals(alerts);
    }

    boolean isDeadLetters(String topic) {
        return topic.equals(deadLetters);
    }
}
