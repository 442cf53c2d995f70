package dev.troopwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The output contract of {@code troopwatch extract} and {@code troopwatch evaluate}. */
class ExtractCommandTest {

    private static final String ARTICLE = """
            url: https://example.org/chad-niger
            outlet: Example Wire
            title: Chad sends 800 soldiers to Niger
            published: 2025-03-07
            ---
            N'DJAMENA - Chad has sent 800 soldiers to Niger, the Chadian defence ministry said on Tuesday.

            The troops will help secure the border region, officials added.
            """;

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void onePerArticleLineWithTheContractFieldNames(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("chad.txt"), ARTICLE);
        Run run = run("extract", dir.toString());
        assertEquals(0, run.exit());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size());
        JsonNode article = Json.mapper().readTree(lines.get(0));
        assertEquals(List.of("file", "article_id", "relevant", "events"), names(article));
        assertTrue(article.get("relevant").asBoolean());
        JsonNode event = article.get("events").get(0);
        assertEquals(List.of("actor", "host", "theatre", "status", "lead", "troops", "claimant", "hedged",
                "event_time", "evidence"), names(event));
        assertEquals("TD", event.get("actor").asText());
        assertEquals("NE", event.get("host").asText());
        assertEquals(List.of("sentence", "start", "end"), names(event.get("evidence")));
    }

    @Test
    void aBadFileGivesAnErrorLineAndANonZeroExitButTheRestIsExtracted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("chad.txt"), ARTICLE);
        Files.writeString(dir.resolve("broken.json"), "{\"headline\": ");
        Run run = run("extract", dir.toString());
        assertEquals(1, run.exit());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(Json.mapper().readTree(line));
        }
        assertEquals(2, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.has("error") && l.get("file").asText().endsWith("broken.json")));
        assertTrue(lines.stream().anyMatch(l -> l.has("events")));
    }

    @Test
    void evaluatePrintsTheFiguresForALabelledDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("chad.txt"), ARTICLE);
        Files.writeString(dir.resolve("chad.gold.json"), """
                {"file": "chad.txt", "published": "2025-03-07", "relevant": true,
                 "situations": [{"actor": "TD", "host": "NE", "theatre": null, "statuses": ["DEPLOYED"],
                                 "lead": ["DEPLOYED"], "troops": {"min": 800, "max": 800}, "claimant": "TD"}],
                 "optional": [], "notes": "written for this test"}
                """);
        Run run = run("evaluate", dir.toString(), "--verbose");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("relevance accuracy  1.0000 (1/1)"), run.out());
        assertTrue(run.out().contains("troops accuracy     1.0000 (1/1)"), run.out());
        assertFalse(run.out().contains("miss"), run.out());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
