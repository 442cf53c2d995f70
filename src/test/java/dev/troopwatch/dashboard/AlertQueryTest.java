package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AlertQueryTest {

    @Test
    void acceptsInstantsOffsetsAndPlainDates() {
        assertEquals(Instant.parse("2025-02-27T00:00:00Z"),
                AlertQuery.parse(Map.of("since", List.of("2025-02-27"))).since());
        assertEquals(Instant.parse("2025-02-26T22:00:00Z"),
                AlertQuery.parse(Map.of("since", List.of("2025-02-27T00:00:00+02:00"))).since());
    }

    @Test
    void namesTheBadParameter() {
        assertEquals("since", assertThrows(BadParameterException.class,
                () -> AlertQuery.parse(Map.of("since", List.of("last week")))).parameter());
        assertEquals("type", assertThrows(BadParameterException.class,
                () -> AlertQuery.parse(Map.of("type", List.of("PARADE")))).parameter());
        assertEquals("limit", assertThrows(BadParameterException.class,
                () -> AlertQuery.parse(Map.of("limit", List.of("1001")))).parameter());
        assertEquals("situation", assertThrows(BadParameterException.class,
                () -> AlertQuery.parse(Map.of("situation", List.of("KP_RU")))).parameter());
        assertEquals("type", assertThrows(BadParameterException.class,
                () -> AlertQuery.parse(Map.of("type", List.of(" ")))).parameter());
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        AlertQuery query = AlertQuery.parse(Map.of());
        assertEquals(AlertQuery.DEFAULT_LIMIT, query.limit());
        assertEquals(null, query.since());
    }
}
