package dev.troopwatch.stream;

import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.SituationKey;
import dev.troopwatch.track.TransitionDecider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins every report against its situation's history: the named processor that owns the changelogged situation
 * stores (as the inventory validator of Confluent's Orders example owns its store). Through
 * {@link SituationStores} it reads the prior state, asks the pure {@link TransitionDecider}, writes the new state and
 * the report's history and fingerprint records, and forwards the alerts in order followed by the situation update.
 * Under exactly-once the store writes, the alerts and the update commit together.
 *
 * <p>Reports reach this processor from several upstream partitions, interleaved in processing order, not in
 * publication order: a bulk replay published in order would otherwise arrive shuffled, and the decider would
 * rightly treat the shuffled older reports as late. So each report first waits in a changelogged reorder buffer,
 * keyed by publication time, for the reorder window (wall-clock time; default {@link #DEFAULT_REORDER_WINDOW});
 * a wall-clock punctuator then releases reports in publication order, each situation stopping at its first report
 * that has not waited long enough, so that nothing overtakes an older report of its situation still inside its
 * window. A report older than one already
 * released is still late, and handled as such. A window of zero decides on arrival.
 */
final class SituationTracker implements ProcessorSupplier<String, ArticleReport, String, TrackerOutput> {
    static final Duration DEFAULT_REORDER_WINDOW = Duration.ofSeconds(3);

    private final TransitionDecider decider;
    private final Duration reorderWindow;

    SituationTracker(TransitionDecider decider, Duration reorderWindow) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.reorderWindow = Objects.requireNonNull(reorderWindow, "reorderWindow");
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("reorder window must not be negative: " + reorderWindow);
        }
    }

    static StoreBuilder<KeyValueStore<String, BufferedReport>> bufferBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REPORT_BUFFER), Serdes.String(),
                        JsonSerde.serdeFor(BufferedReport.class))
                .withLoggingEnabled(Map.of());
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Set<StoreBuilder<?>> stores = new HashSet<>(SituationStores.builders());
        stores.add(bufferBuilder());
        return stores;
    }

    @Override
    public Processor<String, ArticleReport, String, TrackerOutput> get() {
        return new Tracker(decider, reorderWindow.toMillis());
    }

    /**
     * Buffer key: publication time first; equal times (date-only articles of one day) keep their arrival order, the
     * offset on the repartition partition; situation and article make the key readable.
     */
    static String bufferKey(String situation, ArticleReport report, long offset) {
        return String.format(Locale.ROOT, "%013d|%019d|%s|%s", Math.max(0L, report.published().toEpochMilli()),
                Math.max(0L, offset), situation, report.id());
    }

    private static final class Tracker implements Processor<String, ArticleReport, String, TrackerOutput> {
        private final TransitionDecider decider;
        private final long windowMs;
        private ProcessorContext<String, TrackerOutput> context;
        private SituationStores situations;
        private KeyValueStore<String, BufferedReport> buffer;

        Tracker(TransitionDecider decider, long windowMs) {
            this.decider = decider;
            this.windowMs = windowMs;
        }

        @Override
        public void init(ProcessorContext<String, TrackerOutput> context) {
            this.context = context;
            this.situations = SituationStores.of(decider, context);
            this.buffer = context.getStateStore(StoreNames.REPORT_BUFFER);
            if (windowMs > 0) {
                context.schedule(Duration.ofMillis(Math.max(100L, windowMs / 4)), PunctuationType.WALL_CLOCK_TIME,
                        this::release);
            }
        }

        @Override
        public void process(Record<String, ArticleReport> record) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            // a malformed key fails here, where the dead letter still carries the source record, not later in a
            // punctuation that has none
            SituationKey.parse(record.key());
            if (windowMs == 0) {
                decide(record.key(), record.value());
                return;
            }
            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
            buffer.put(bufferKey(record.key(), record.value(), offset),
                    new BufferedReport(record.key(), context.currentSystemTimeMs(), record.value()));
        }

        /**
         * Releases, in publication order, every report that waited the window, up to the first of its own situation
         * that did not. Order only matters within a situation (its state is all a decision reads), so a fresh report
         * holds back later reports of its situation but not of the others: under a backlog, a global head-of-line
         * hold kept everything buffered while fresh reports kept arriving.
         */
        private void release(long now) {
            List<KeyValue<String, BufferedReport>> ready = new ArrayList<>();
            Set<String> held = new HashSet<>();
            try (KeyValueIterator<String, BufferedReport> waiting = buffer.all()) {
                while (waiting.hasNext()) {
                    KeyValue<String, BufferedReport> next = waiting.next();
                    String situation = next.value.situation();
                    if (held.contains(situation)) {
                        continue;
                    }
                    if (next.value.arrivedAt() > now - windowMs) {
                        held.add(situation);
                        continue;
                    }
                    ready.add(next);
                }
            }
            for (KeyValue<String, BufferedReport> entry : ready) {
                buffer.delete(entry.key);
                try {
                    decide(entry.value.situation(), entry.value.report());
                } catch (RuntimeException e) {
                    // a punctuation has no source record: name the report so that the dead letter identifies it
                    throw new IllegalStateException("tracking " + entry.value.situation() + " failed on article "
                            + entry.value.report().id() + " published " + entry.value.report().published(), e);
                }
            }
        }

        private void decide(String key, ArticleReport report) {
            long eventTime = Math.max(0L, report.published().toEpochMilli());
            for (TrackerOutput output : situations.apply(key, report, context.currentSystemTimeMs())) {
                context.forward(new Record<>(key, output, eventTime));
            }
        }
    }
}
