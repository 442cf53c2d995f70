package dev.troopwatch.stream;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.track.TransitionDecider;
import java.util.Objects;

/**
 * The pluggable stages of the topology. Production uses {@link ProductionParts#create()}; tests may swap a stage (for
 * instance an extractor that throws, to exercise the dead-letter path) and keep the rest of the real wiring.
 */
public record PipelineParts(ArticleCleaner cleaner, EventExtractor extractor, TransitionDecider decider) {
    public PipelineParts {
        Objects.requireNonNull(cleaner, "cleaner");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(decider, "decider");
    }

    public PipelineParts withExtractor(EventExtractor other) {
        return new PipelineParts(cleaner, other, decider);
    }
}
