package dev.troopwatch.dashboard;

import dev.troopwatch.stream.TopicNames;

/**
 * Which topics the health panel counts: raw articles in, extracted events, alerts and dead letters out.
 * The events topic is internal to the topology, so it is matched by the suffix of its name
 * (Kafka Streams prefixes internal topics with the application id).
 */
public record PipelineTopics(String input, String eventsSuffix, String alerts, String deadLetters) {

    public static PipelineTopics defaults(String eventsSuffix) {
        return new PipelineTopics(TopicNames.ARTICLES_RAW, eventsSuffix, TopicNames.ALERTS, TopicNames.DEADLETTER);
    }

    boolean isInput(String topic) {
        return topic.equals(input);
    }

    boolean isEvents(String topic) {
        return eventsSuffix != null && topic.endsWith(eventsSuffix);
    }

    boolean isAlerts(String topic) {
        return topic.equals(alerts);
    }

    boolean isDeadLetters(String topic) {
        return topic.equals(deadLetters);
    }
}
