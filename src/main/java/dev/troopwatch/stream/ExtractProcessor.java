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
 * {@link #HEARTBEAT} so that trackers know the source is alive. Both say how many sources there are. The trackers
 * release reports in publication order from it ({@link SourceClocks}). An article with no mention forwards no report
 * but still advances the progress.
 */
final class ExtractProcessor implements Processor<String, NormalisedArticle, String, TrackerInput> {
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(25);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final long NOT_CAUGHT_UP = -1L;

    private final EventExtractor extractor;
    private final TrackerPartitioner partitioner;
    private final InputOffsets inputOffsets;
    private final SourcePositions positions;
    private ProcessorContext<String, TrackerInput> context;
    private long notedPosition = SourcePositions.NONE;
    private Sensor reportsSensor;
    private int source;
    private long watermark = 0L;
    private long sentWatermark = -1L;
    private boolean sentIdle;
    private int sentSources = -1;
    private long sentCaughtUpAt;
    private long sentAt = Long.MIN_VALUE;

    /**
     * @param partitioner  the partitioner of the repartition this processor writes to, which knows how many
     *                     sources there are
     * @param inputOffsets the offsets of the partitions this processor's tasks read, which tell when a task has
     *                     processed everything
     * @param positions    the offsets its tasks processed last, clean or not (this processor sees clean ones only)
     */
    ExtractProcessor(EventExtractor extractor, TrackerPartitioner partitioner, InputOffsets inputOffsets,
                     SourcePositions positions) {
        this.extractor = extractor;
        this.partitioner = partitioner;
        this.inputOffsets = inputOffsets;
        this.positions = positions;
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
     * Idle means caught up: nothing processed since the last note and nothing left in the partition (see
     * {@link #caughtUpAt}). A task with a backlog is never idle, so it holds back what it may still send.
     */
    @Override
    public void close() {
        context.metrics().removeSensor(reportsSensor);
    }

    private void sendProgress(long now) {
        long position = positions.lastProcessed(source);
        long caughtUpAt = position == notedPosition ? caughtUpAt(position, now) : NOT_CAUGHT_UP;
        boolean idle = caughtUpAt != NOT_CAUGHT_UP;
        notedPosition = position;
        int sources = partitioner.partitionsSeen();
        if (watermark == sentWatermark && idle == sentIdle && sources == sentSources && caughtUpAt == sentCaughtUpAt
                && now - sentAt < HEARTBEAT.toMillis()) {
            return;
        }
        context.forward(new Record<>(TrackerInput.PROGRESS_KEY_PREFIX + source,
                TrackerInput.progress(source, sources, watermark, idle, caughtUpAt, now), watermark));
        sentWatermark = watermark;
        sentSources = sources;
        sentIdle = idle;
        sentCaughtUpAt = caughtUpAt;
        sentAt = now;
    }

    /**
     * Since when this task has processed everything appended to its partition: the time the end offsets were read,
     * when it has processed up to them (or, before it processed anything, when the committed offset is there);
     * {@link #NOT_CAUGHT_UP} otherwise, and while the offsets are being read for the first time. Without offsets (a
     * test driver, or offsets that cannot be read: see {@link InputOffsets}), a task that processed nothing since
     * the last note counts as caught up now.
     */
    private long caughtUpAt(long lastOffset, long now) {
        if (inputOffsets.detached()) {
            return now;
        }
        if (!inputOffsets.fresh(now)) {
            return inputOffsets.starting(now) ? NOT_CAUGHT_UP : now;
        }
        long end = inputOffsets.endOffset(source);
        long readAt = inputOffsets.endsReadAt();
        if (end == InputOffsets.UNKNOWN) {
            return NOT_CAUGHT_UP;
        }
        boolean done;
        if (lastOffset >= 0) {
            done = lastOffset + 1 >= end;
        } else {
            long committed = inputOffsets.committedOffset(source);
            done = end == 0 || committed != InputOffsets.UNKNOWN && committed >= end;
        }
        return done ? readAt : NOT_CAUGHT_UP;
    }

    /** The normalised text after the headline paragraph; the whole text when there is no second paragraph. */
    static String body(NormalisedArticle article) {
        if (article.paragraphs().size() > 1) {
            return article.text().substring(article.paragraphs().get(1).start());
        }
        return article.text();
    }
}
