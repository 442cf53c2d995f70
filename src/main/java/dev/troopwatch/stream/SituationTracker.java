package dev.troopwatch.stream;

import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.SituationKey;
import dev.troopwatch.track.TransitionDecider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
 * rightly treat the shuffled older reports as late. So a report is decided only once every upstream source has
 * got past its publication time or holds nothing back ({@link SourceClocks}: sources stamp their progress on
 * reports and send it on its own when they have none). Until then it waits in a changelogged buffer keyed by
 * publication time, and leaves in publication order, when a record from upstream moves the watermark on. A source
 * that is busy holds reports back for as long as it is busy, however long that is: under a backlog one partition's
 * task may be starved for seconds while its thread works through others, and its older reports are still to come.
 * A source that stopped holds back until it has been silent for {@link #SOURCE_SILENCE}; one never heard from (its
 * task not started anywhere) for the reorder window (default {@link #DEFAULT_REORDER_WINDOW}). Both are measured on
 * the input clock of {@link SourceClocks}, which runs while any source lives (each sends progress at least every
 * heartbeat). A report older than one already released is late, and handled as such. A window of zero decides every
 * report on arrival.
 */
final class SituationTracker implements ProcessorSupplier<String, TrackerInput, String, TrackerOutput> {
    static final Duration DEFAULT_REORDER_WINDOW = Duration.ofSeconds(3);
    /** A source not heard from for this long no longer holds reports back: several missed heartbeats. */
    static final Duration SOURCE_SILENCE = ExtractProcessor.HEARTBEAT.multipliedBy(3);

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
    public Processor<String, TrackerInput, String, TrackerOutput> get() {
        return new Tracker(decider, reorderWindow.toMillis());
    }

    /**
     * Buffer key: publication time first; equal times (date-only articles of one day) keep their arrival order, the
     * offset on the repartition partition; situation and article make the key readable.
     */
    static String bufferKey(String situation, ArticleReport report, long offset) {
        return String.format(Locale.ROOT, "%013d|%019d|%s|%s", publishedMillis(report), Math.max(0L, offset),
                situation, report.id());
    }

    static long publishedMillis(ArticleReport report) {
        return Math.max(0L, report.published().toEpochMilli());
    }

    /** The publication time a buffer key starts with. */
    static long publishedOf(String bufferKey) {
        return Long.parseLong(bufferKey.substring(0, bufferKey.indexOf('|')));
    }

    private static final class Tracker implements Processor<String, TrackerInput, String, TrackerOutput> {
        private final TransitionDecider decider;
        private final long windowMs;
        private ProcessorContext<String, TrackerOutput> context;
        private SituationStores situations;
        private KeyValueStore<String, BufferedReport> buffer;
        private SourceClocks clocks;
        /**
         * Buffered reports' keys in arrival order, with their send time: the head has waited longest (up to the
         * sources' clock skew and send-to-arrival spread, which is all the window bound needs).
         */
        private final LinkedHashMap<String, Long> arrivals = new LinkedHashMap<>();
        /** The same keys in buffer order (publication time first), so a check needs no store iterator. */
        private final TreeSet<String> waiting = new TreeSet<>();

        Tracker(TransitionDecider decider, long windowMs) {
            this.decider = decider;
            this.windowMs = windowMs;
        }

        @Override
        public void init(ProcessorContext<String, TrackerOutput> context) {
            this.context = context;
            this.situations = SituationStores.of(decider, context);
            this.buffer = context.getStateStore(StoreNames.REPORT_BUFFER);
            this.clocks = new SourceClocks(SOURCE_SILENCE.toMillis());
            arrivals.clear();
            waiting.clear();
            if (windowMs > 0) {
                restoreArrivals();
            }
        }

        /** After a restart the buffer holds what was waiting; their wait goes on from their recorded send time. */
        private void restoreArrivals() {
            List<KeyValue<String, Long>> restored = new ArrayList<>();
            try (KeyValueIterator<String, BufferedReport> all = buffer.all()) {
                while (all.hasNext()) {
                    KeyValue<String, BufferedReport> next = all.next();
                    restored.add(KeyValue.pair(next.key, next.value.arrivedAt()));
                }
            }
            restored.sort(Comparator.comparingLong(kv -> kv.value));
            restored.forEach(kv -> {
                arrivals.put(kv.key, kv.value);
                waiting.add(kv.key);
            });
        }

        @Override
        public void process(Record<String, TrackerInput> record) {
            TrackerInput input = record.value();
            if (record.key() == null || input == null) {
                return;
            }
            clocks.observe(input.source(), input.sources(), input.watermark(), input.idle(), input.caughtUpAt(),
                    input.sentAt());
            if (input.isProgress()) {
                if (windowMs > 0) {
                    release();
                }
                return;
            }
            // a malformed key fails here, where the dead letter still carries the source record, not later in a
            // punctuation that has none
            SituationKey.parse(record.key());
            ArticleReport report = input.report();
            if (windowMs == 0 || (arrivals.isEmpty() && clocks.mayRelease(publishedMillis(report), input.sentAt()))) {
                // nothing waits and nothing older can still come: the common case of a live stream
                decide(record.key(), report);
                return;
            }
            long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
            String key = bufferKey(record.key(), report, offset);
            buffer.put(key, new BufferedReport(record.key(), input.sentAt(), report));
            arrivals.put(key, input.sentAt());
            waiting.add(key);
            release();
        }

        /**
         * Releases waiting reports in publication order while the first can no longer be overtaken
         * ({@link SourceClocks#mayRelease}); until every source has been heard from, also everything published up to
         * a report that waited the whole window.
         */
        private void release() {
            if (arrivals.isEmpty()) {
                return;
            }
            long cut = Long.MIN_VALUE;
            if (!clocks.heardFromAll()) {
                // a source never heard from (its task not started, or started nowhere) holds back for the window only
                long now = clocks.inputClock();
                for (Map.Entry<String, Long> longest : arrivals.entrySet()) {
                    if (longest.getValue() > now - windowMs) {
                        break;
                    }
                    cut = Math.max(cut, publishedOf(longest.getKey()));
                }
            }
            while (!waiting.isEmpty() && (publishedOf(waiting.first()) <= cut
                    || clocks.mayRelease(publishedOf(waiting.first()), arrivals.get(waiting.first())))) {
                String key = waiting.pollFirst();
                arrivals.remove(key);
                BufferedReport entry = buffer.get(key);
                buffer.delete(key);
                if (entry == null) {
                    continue;
                }
                try {
                    decide(entry.situation(), entry.report());
                } catch (RuntimeException e) {
                    // the record being processed may be another report or a progress note: name the failing report so
                    // that the dead letter identifies it
                    throw new IllegalStateException("tracking " + entry.situation() + " failed on article "
                            + entry.report().id() + " published " + entry.report().published(), e);
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
