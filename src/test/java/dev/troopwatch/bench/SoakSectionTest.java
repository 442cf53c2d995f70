package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.cli.Main;
import dev.troopwatch.stream.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code troopwatch bench --sections soak} for 15 seconds through the real CLI, broker and topology: the section
 * prints its table as it goes, a verdict and a JSON object with every sample, every article is committed and nothing
 * is dead-lettered. Figures are not checked; benchmarks never assert on timing.
 */
@Tag("soak")
class SoakSectionTest {
    @TempDir
    Path dataDir;

    @Test
    void aShortSoakPrintsSamplesAVerdictAndJson() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(text, true));
        int exit = cli.execute("bench", "--sections", "soak", "--soak-rate", "100", "--soak-minutes", "0.25",
                "--soak-sample-seconds", "3", "--data-dir", dataDir.toString());
        String output = text.toString();
        System.out.println(output);
        assertEquals(0, exit, output);
        assertTrue(output.contains("5. soak"), output);
        assertTrue(output.contains("live heap (post-GC) while sending: "), output);
        String jsonLine = output.lines().filter(l -> l.startsWith("BENCH-JSON ")).findFirst().orElseThrow();
        JsonNode soak = Json.mapper().readTree(jsonLine.substring("BENCH-JSON ".length())).path("soak");
        assertEquals(100, soak.path("rate").asInt());
        JsonNode samples = soak.path("samples");
        assertTrue(samples.size() >= 5, "samples every 3 s over 15 s, the end and the drained one: " + samples);
        JsonNode last = samples.get(samples.size() - 1);
        assertEquals("drained", last.path("phase").asText());
        assertEquals(1500, last.path("sent").asLong(), "15 s at 100/s");
        assertEquals(1500, last.path("committed").asLong(), "every article committed");
        assertEquals(0, soak.path("alerts").path("dead_letters").asLong(), "nothing dead-lettered");
        assertTrue(last.path("live_heap_bytes").asLong() > 0, "a forced GC ran");
        assertTrue(soak.path("drain_seconds").asDouble() >= 0, "drained");
    }
}
