package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.cli.Main;
import dev.troopwatch.stream.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code troopwatch bench --quick} on a tiny volume, through the real CLI, broker and topology: the command works
 * and prints every section and a JSON line. Figures are not checked; benchmarks never assert on timing.
 */
class BenchCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void quickBenchPrintsEverySectionAndAJsonLine() throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(text, true));
        int exit = cli.execute("bench", "--quick", "--articles", "60", "--rates", "40", "--rate-seconds", "2",
                "--data-dir", dataDir.toString());
        String output = text.toString();
        System.out.println(output);
        assertEquals(0, exit, output);
        for (String section : List.of("1. normalise + extract", "2. end to end", "3. publish -> alert latency",
                "4. state and memory", "targets")) {
            assertTrue(output.contains(section), "missing section: " + section);
        }
        String jsonLine = output.lines().filter(l -> l.startsWith("BENCH-JSON ")).findFirst().orElseThrow();
        JsonNode json = Json.mapper().readTree(jsonLine.substring("BENCH-JSON ".length()));
        assertTrue(json.path("extraction").size() >= 1, "an extraction figure");
        assertEquals(4, json.path("throughput").size(), "troopwatch and pass-through, under both guarantees");
        assertEquals(1, json.path("latency").size(), "one latency run per rate");
        assertTrue(json.path("context").path("cores").asInt() >= 1);
    }
}
