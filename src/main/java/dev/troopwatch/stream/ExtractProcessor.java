package dev.troopwatch.stream;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.MinHash;
import dev.troopwatch.track.SituationKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Extracts an article's mentions and forwards one {@link ArticleReport} per situation it mentions, keyed by the
 * situation ("KP-RU"), ready for the repartition. The text fingerprint is computed here, once per article, over the
 * body without the headline (outlets retitle wires).
 *
 * <p>Every report carries this task's progress: the latest publication time it has seen. Every
 * {@link #PROGRESS_INTERVAL} it also sends that progress on its own, to every tracker partition
 * ({@link TrackerPartitioner}), when it has changed, when the task has turned idle or busy, and at least every
 * {@link #HEARTBEAT} so that trackers know the source is alive. Both say how many sources there are. The trackers release reports in publication order
 * from it ({@link SourceClocks}). An article with no mention forwards no report but still advances the progress.
 */
final class ExtractProcessor implements Processor<String, NormalisedArticle, String, TrackerInput> {
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(25);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Key of a progress note: it goes to every partition, so the key only names the source for readers. */
    static final String PROGRESS_KEY_PREFIX = "~progress-";

    private final EventExtractor extractor;
    private final TrackerPartitioner partitioner;
    private final InputOffsets inputOffsets;
    private ProcessorContext<String, TrackerInput> context;
    private long lastOffset = -1L;
    private Sensor reportsSensor;
    private int source;
    private long watermark = 0L;
    private long processedSinceNote;
    private long sentWatermark = -1L;
    private boolean sentIdle;
    private int sentSources = -1;
    private long sentAt = Long.MIN_VALUE;

    /**
     * @param partitioner  the partitioner of the repartition this processor writes to, which knows how many
     *                     sources there are
     * @param inputOffsets the offsets of the partitions this processor's tasks read, which tell when a task has
     *                     processed everything
     */
    ExtractProcessor(EventExtractor extractor, TrackerPartitioner partitioner, InputOffsets inputOffsets) {
        this.extractor = extractor;
        this.partitioner = partitioner;
        this.inputOffsets = inputOffsets;
    }

    @Override
    public void init(ProcessorContext<String, TrackerInput> context) {
        this.context = context;
        this.source = context.taskId().partition();
        this.reportsSensor = context.metrics().addRateTotalSensor(PipelineMetrics.SCOPE,
                "extract-" + context.taskId(), PipelineMetrics.REPORTS, Sensor.RecordingLevel.INFO);
        context.schedule(PROGRESS_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::sendProgress);
    }

    @Override
    public void process(Record<String, NormalisedArticle> record) {
        NormalisedArticle article = record.value();
        if (article == null) {
            return;
        }
        processedSinceNote++;
        lastOffset = context.recordMetadata().map(m -> m.offset()).orElse(lastOffset);
        watermark = Math.max(watermark, Math.max(0L, article.published().toEpochMilli()));
        List<Mention> mentions = extractor.extract(article);
        if (mentions.isEmpty()) {
            return;
        }
        Map<String, List<Mention>> bySituation = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            String key = new SituationKey(mention.actor(), mention.host()).toString();
            bySituation.computeIfAbsent(key, k -> new ArrayList<>()).add(mention);
        }
        String signature = MinHash.signature(body(article));
        for (Map.Entry<String, List<Mention>> situation : bySituation.entrySet()) {
            ArticleReport report = new ArticleReport(article.id(), article.url(), article.source(),
                    article.headline(), article.published(), article.agency(), signature, situation.getValue());
            reportsSensor.record();
            context.forward(record.withKey(situation.getKey())
                    .withValue(TrackerInput.report(source, partitioner.partitionsSeen(), watermark,
                            context.currentSystemTimeMs(), report)));
        }
    }

    /**
     * Idle means caught up: nothing processed since the last note, and (when the offsets are known) nothing left in
     * the partition after what it processed last, or, before it has processed anything, after the committed offset.
     * A task with a backlog is never idle, so it holds back what it may still send.
     */
    @Override
    public void close() {
        context.metrics().removeSensor(reportsSensor);
    }

    private void sendProgress(long now) {
        boolean idle = processedSinceNote == 0 && caughtUp();
        processedSinceNote = 0;
        int sources = partitioner.partitionsSeen();
        if (watermark == sentWatermark && idle == sentIdle && sources == sentSources
                && now - sentAt < HEARTBEAT.toMillis()) {
            return;
        }
        context.forward(new Record<>(PROGRESS_KEY_PREFIX + source,
                TrackerInput.progress(source, sources, watermark, idle, now), watermark));
        sentWatermark = watermark;
        sentSources = sources;
        sentIdle = idle;
        sentAt = now;
    }

    private boolean caughtUp() {
        long end = inputOffsets.endOffset(source);
        if (end == InputOffsets.UNKNOWN) {
            return inputOffsets.detached();
        }
        if (lastOffset >= 0) {
            return lastOffset + 1 >= end;
        }
        long committed = inputOffsets.committedOffset(source);
        return end == 0 || committed != InputOffsets.UNKNOWN && committed >= end;
    }

    /** The normalised text after the headline paragraph; the whole text when there is no second paragraph. */
    static String body(NormalisedArticle article) {
        if (article.paragraphs().size() > 1) {
            return article.text().substring(article.paragraphs().get(1).start());
        }
        return article.text();
    }
}
