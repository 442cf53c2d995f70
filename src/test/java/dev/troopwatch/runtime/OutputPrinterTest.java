package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.stream.TopicNames;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputPrinterTest {
    @Test
    void articlesAndDeadLettersGetASummaryLine() {
        assertEquals("article      2025-02-27T00:00:00Z  Soldiers arrive  [a1]", OutputPrinter.line(
                TopicNames.ARTICLES_CLEAN, "a1", bytes("{\"headline\":\"Soldiers arrive\",\"published\":\"2025-02-27T00:00:00Z\"}")));
        assertEquals("dead letter  not-json: Unexpected character  (validate-normalise, troopwatch.articles.raw/3@17, key k9)",
                OutputPrinter.line(TopicNames.DEADLETTER, "k9", bytes("{\"reason\":\"not-json\",\"detail\":"
                        + "\"Unexpected character\",\"stage\":\"validate-normalise\",\"source_topic\":"
                        + "\"troopwatch.articles.raw\",\"source_partition\":3,\"source_offset\":17}")));
    }

    @Test
    void alertsAreCompactJsonAndLongOrOddValuesStayOnOneLine() {
        assertEquals("ALERT        {\"type\":\"DEPLOYED\"}",
                OutputPrinter.line(TopicNames.ALERTS, "KP-RU", bytes("{ \"type\" : \"DEPLOYED\" }")));
        String line = OutputPrinter.line(TopicNames.SITUATIONS, "KP-RU", bytes("{\"x\":\"" + "y".repeat(1000) + "\"}"));
        assertTrue(line.length() < 450 && line.endsWith("..."), line);
        assertEquals("situation    KP-RU (deleted)", OutputPrinter.line(TopicNames.SITUATIONS, "KP-RU", null));
        assertEquals("dead letter  k not json", OutputPrinter.line(TopicNames.DEADLETTER, "k", bytes("not json")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
