package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.ingest.ArticleSink;
import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.ingest.Rejection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWiresTest {
    private static final byte[] SAMPLES = ("""
            {"id": "s1", "headline": "First report", "published": "2025-01-01", "body": "Soldiers arrived."}
            {"id": "s2", "headline": "Second report", "published": "2025-01-02", "body": "Soldiers left."}
            """).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void publishedOncePerDataDirInFileOrder() {
        RecordingSink sink = new RecordingSink(false);
        Optional<PublishReport> first = SampleWires.publishOnce(SAMPLES, dataDir, sink);
        assertEquals(Optional.of(new PublishReport(2, List.of())), first);
        assertEquals(List.of("s1", "s2"), sink.ids);
        assertEquals(Optional.empty(), SampleWires.publishOnce(SAMPLES, dataDir, sink), "a restart sends nothing");
        assertEquals(2, sink.ids.size());
        byte[] edited = new String(SAMPLES, StandardCharsets.UTF_8).replace("Soldiers left.", "Soldiers went home.")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(SampleWires.publishOnce(edited, dataDir, sink).isPresent(), "edited samples are sent");
    }

    @Test
    void aFailedSendIsRetriedAtTheNextStart() {
        assertEquals(2, SampleWires.publishOnce(SAMPLES, dataDir, new RecordingSink(true)).orElseThrow()
                .rejected().size());
        assertTrue(SampleWires.publishOnce(SAMPLES, dataDir, new RecordingSink(false)).isPresent());
    }

    /** Records what it is asked to publish; {@code failing} refuses every article like a broker that is down. */
    private static final class RecordingSink implements ArticleSink {
        private final boolean failing;
        private final List<String> ids = new ArrayList<>();

        RecordingSink(boolean failing) {
            this.failing = failing;
        }

        @Override
        public PublishReport publish(ReadBatch batch, Consumer<ParsedArticle> onPublished) {
            List<Rejection> rejected = new ArrayList<>(batch.rejections());
            for (ParsedArticle article : batch.articles()) {
                if (failing) {
                    rejected.add(new Rejection(article.origin(), "broker refused: down"));
                } else {
                    ids.add(article.article().id());
                    onPublished.accept(article);
                }
            }
            return new PublishReport(failing ? 0 : batch.articles().size(), rejected);
        }
    }
}
