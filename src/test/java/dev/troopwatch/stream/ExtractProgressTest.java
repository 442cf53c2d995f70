package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.extract.RuleExtractor;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When an extract task says it is caught up, driven through its punctuation with a mock context. */
class ExtractProgressTest {
    private static final long T = 1_800_000_000_000L;

    private final InputOffsets offsets = new InputOffsets(TopicNames.ARTICLES_RAW);
    private final SourcePositions positions = new SourcePositions();
    private MockProcessorContext<String, TrackerInput> context;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "extract-progress-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        context = new MockProcessorContext<>(config, new TaskId(0, 2), null);
        context.setCurrentSystemTimeMs(T);
        ExtractProcessor extract = new ExtractProcessor(RuleExtractor.withDefaultRules(), new TrackerPartitioner(),
                offsets, positions);
        extract.init(context);
        offsets.markAttached(T);
    }

    @Test
    void aTaskWhoseLastRecordsWereRejectedIsCaughtUpOnceItProcessedThem() {
        offsets.update(Map.of(2, 2L), Map.of(), T);
        // the validation stage processed offsets 0 and 1 and dead-lettered both: extraction never saw a record
        positions.processed(2, 0);
        positions.processed(2, 1);
        TrackerInput first = punctuate(T + 25);
        assertFalse(first.idle(), "it processed records since its last note");
        TrackerInput second = punctuate(T + 50);
        assertTrue(second.idle());
        assertEquals(T, second.caughtUpAt(), "caught up as of when the end offsets were read");
    }

    @Test
    void aTaskWithRecordsLeftIsBusy() {
        offsets.update(Map.of(2, 5L), Map.of(), T);
        positions.processed(2, 1);
        punctuate(T + 25);
        assertFalse(punctuate(T + 1_100).idle());
    }

    @Test
    void offsetsThatCannotBeReadDegradeToThePauseRuleInsteadOfHoldingEverythingBack() {
        context.setCurrentSystemTimeMs(T + 100);
        assertFalse(punctuate(T + 100).idle(), "not read yet, just started: cannot tell");
        long later = T + InputOffsets.STALE_AFTER.toMillis() + 1_000;
        TrackerInput note = punctuate(later);
        assertTrue(note.idle());
        assertEquals(later, note.caughtUpAt());
    }

    /** Runs the progress punctuation at {@code now} and returns the note it sent. */
    private TrackerInput punctuate(long now) {
        context.resetForwards();
        context.setCurrentSystemTimeMs(now);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(now);
        List<MockProcessorContext.CapturedForward<? extends String, ? extends TrackerInput>> sent = context.forwarded();
        assertEquals(1, sent.size(), "one progress note");
        Record<? extends String, ? extends TrackerInput> note = sent.get(0).record();
        assertTrue(note.key().startsWith(TrackerInput.PROGRESS_KEY_PREFIX));
        return note.value();
    }
}
