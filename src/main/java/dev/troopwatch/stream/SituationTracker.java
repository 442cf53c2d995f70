package dev.troopwatch.stream;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.Decision;
import dev.troopwatch.track.Disposition;
import dev.troopwatch.track.SituationKey;
import dev.troopwatch.track.SituationState;
import dev.troopwatch.track.TransitionDecider;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Joins every report against its situation's history: the named processor that owns the changelogged
 * {@link StoreNames#SITUATIONS} store (as the inventory validator of Confluent's Orders example owns its store).
 * It reads the prior state, asks the pure {@link TransitionDecider}, writes the new state, and forwards the alerts
 * in order followed by the new state. Under exactly-once the store write, the alerts and the state commit together.
 */
final class SituationTracker implements ProcessorSupplier<String, ArticleReport, String, TrackerOutput> {
    private final TransitionDecider decider;

    SituationTracker(TransitionDecider decider) {
        this.decider = decider;
    }

    static StoreBuilder<KeyValueStore<String, SituationState>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SITUATIONS), Serdes.String(),
                        Topics.SITUATIONS.valueSerde())
                .withLoggingEnabled(Map.of());
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(storeBuilder());
    }

    @Override
    public Processor<String, ArticleReport, String, TrackerOutput> get() {
        return new Tracker(decider);
    }

    private static final class Tracker implements Processor<String, ArticleReport, String, TrackerOutput> {
        private final TransitionDecider decider;
        private ProcessorContext<String, TrackerOutput> context;
        private KeyValueStore<String, SituationState> store;

        Tracker(TransitionDecider decider) {
            this.decider = decider;
        }

        @Override
        public void init(ProcessorContext<String, TrackerOutput> context) {
            this.context = context;
            this.store = context.getStateStore(StoreNames.SITUATIONS);
        }

        @Override
        public void process(Record<String, ArticleReport> record) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            SituationKey situation = SituationKey.parse(record.key());
            SituationState prior = store.get(record.key());
            Decision decision = decider.decide(situation, prior, record.value(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            if (decision.disposition() == Disposition.DUPLICATE) {
                return;
            }
            store.put(record.key(), decision.state());
            for (Alert alert : decision.alerts()) {
                context.forward(record.withValue(TrackerOutput.alert(alert)));
            }
            context.forward(record.withValue(TrackerOutput.state(decision.state())));
        }
    }
}
