package dev.troopwatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuorumVoterTest {
    @Test
    void parsesAndFormatsTheInitialControllersList() {
        String text = "1@127.0.0.1:9093:AAAAAAAAAAAAAAAAAAAAAQ,2@kafka-2:9095:AAAAAAAAAAAAAAAAAAAAAg";
        List<QuorumVoter> voters = QuorumVoter.parseList(text);
        assertEquals(List.of(new QuorumVoter(1, "127.0.0.1", 9093, "AAAAAAAAAAAAAAAAAAAAAQ"),
                new QuorumVoter(2, "kafka-2", 9095, "AAAAAAAAAAAAAAAAAAAAAg")), voters);
        assertEquals(text, QuorumVoter.formatList(voters));
        assertEquals("kafka-2:9095", voters.get(1).endpoint());
    }

    @Test
    void rejectsMalformedEntriesNamingThem() {
        for (String bad : List.of("1@host:9093", "x@host:9093:AAAAAAAAAAAAAAAAAAAAAQ", "1@host:0:AAAAAAAAAAAAAAAAAAAAAQ",
                "1@host:9093:not-a-uuid", "host:9093:AAAAAAAAAAAAAAAAAAAAAQ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuorumVoter.parseList(bad),
                    bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void aNodeMustBeOneOfTheControllers() {
        List<QuorumVoter> voters = List.of(QuorumVoter.withNewDirectory(1, "127.0.0.1", 9093));
        assertThrows(IllegalArgumentException.class, () -> new BrokerSettings(2, Path.of("x"), "127.0.0.1", 0, 0,
                null, voters, Map.of(), Duration.ofSeconds(1)));
    }
}
