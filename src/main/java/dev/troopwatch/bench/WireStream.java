package dev.troopwatch.bench;

import dev.troopwatch.alert.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * An endless synthetic wire in publication order, generated as it is read: a run of millions of articles holds only
 * the reports of the last few simulated days, never the whole set.
 *
 * <p>Every (actor, host) pair is a lane that tells one situation's story after another: a timeline as in
 * {@link SyntheticWireGenerator#generate} (plan, deployment, confirmation, combat, losses, withdrawal, return), then a
 * pause, then a new timeline of the same pair with a new place and troop number. Publication time only moves
 * forward, by days per few hundred articles, so the tracker's time-based retention (the 7-day syndication window)
 * works as it does on a real feed. A lane's first timeline starts from an empty situation, so its expected alerts
 * are exact, as in {@code generate}; a later timeline starts from whatever state the previous one left (a
 * deployment after a return is no news), so only its original reports are known to be the ones that may alert.
 */
public final class WireStream implements Iterator<WireStream.Item> {
    /** The first publication time; the article validator rejects anything before 1990. */
    static final Instant START = Instant.parse("1992-01-01T00:00:00Z");
    /**
     * The planned volume ends before this: the validator rejects articles published more than two days in the
     * future, so a wire must stay in the past of whatever day the benchmark runs.
     */
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    /** Lanes start their first timeline within this many days, so all of them run side by side. */
    private static final int START_SPREAD_DAYS = 60;
    /** Pause between a lane's last event and its next timeline's first, beyond the syndication window. */
    private static final int MIN_PAUSE_DAYS = 12;
    private static final int MAX_PAUSE_DAYS = 60;
    /** Events of one timeline on average ({@link SyntheticWireGenerator#timeline}'s probabilities summed). */
    private static final double EVENTS_PER_TIMELINE = 0.5 + 1 + 0.35 + 0.6 + 0.6 * 0.6 + 0.5 + 0.5 * 0.6;
    /** Chance of a distractor beside each report, so that distractors are a fifth of all articles. */
    private static final double DISTRACTORS_PER_REPORT =
            SyntheticWireGenerator.DISTRACTOR_SHARE / (1 - SyntheticWireGenerator.DISTRACTOR_SHARE);
    /** Headroom over the estimated volume, so the planned articles end well before {@link #END}. */
    private static final double CAPACITY_MARGIN = 1.3;

    /**
     * One article and what it must do.
     *
     * @param article    the article
     * @param expected   alerts this article must raise: only an original report of a lane's first timeline has any
     * @param firstCycle the article belongs to a lane's first timeline (or is a distractor): its alerts are exact
     */
    public record Item(GeneratedArticle article, List<ExpectedAlert> expected, boolean firstCycle) {
        public Item {
            expected = List.copyOf(expected);
        }
    }

    /** One (actor, host) pair and where its story stands. */
    private static final class Lane {
        final Country actor;
        final Country host;
        final int index;
        int cycle;
        SyntheticWireGenerator.Situation situation;
        Deque<TimelineStep> steps;
        boolean any;
        Instant next;

        Lane(Country actor, Country host, int index) {
            this.actor = actor;
            this.host = host;
            this.index = index;
        }
    }

    private record Pending(Item item, long seq) {
    }

    private final SyntheticWireGenerator generator;
    private final SplittableRandom random;
    private final String idPrefix;
    private final int scale;
    private final PriorityQueue<Lane> lanes = new PriorityQueue<>(
            Comparator.comparing((Lane l) -> l.next).thenComparingInt(l -> l.index));
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing((Pending p) -> p.item().article().published()).thenComparingLong(Pending::seq));
    private long seq;
    private long distractors;

    WireStream(SyntheticWireGenerator generator, long seed, long plannedArticles) {
        if (plannedArticles < 1) {
            throw new IllegalArgumentException("plannedArticles must be positive: " + plannedArticles);
        }
        this.generator = generator;
        this.random = new SplittableRandom(seed);
        this.idPrefix = "soak" + Long.toUnsignedString(seed, 36);
        List<Country[]> pairs = generator.pairs(random);
        this.scale = scaleFor(plannedArticles, pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            Lane lane = new Lane(pairs.get(i)[0], pairs.get(i)[1], i);
            startTimeline(lane, START.plus(Duration.ofMinutes(random.nextLong(START_SPREAD_DAYS * 24L * 60))));
            lanes.add(lane);
        }
    }

    /**
     * The smallest number of copies per event (as {@code generate}'s scale) at which {@code planned} articles fit
     * between {@link #START} and {@link #END}: more copies put more articles into each simulated day.
     */
    static int scaleFor(long planned, int pairs) {
        double days = Duration.between(START, END).toDays();
        double daysPerEvent = ((EVENTS_PER_TIMELINE - 1) * meanGapDays() + (MIN_PAUSE_DAYS + MAX_PAUSE_DAYS) / 2.0
                + meanGapDays()) / EVENTS_PER_TIMELINE;
        int scale = 1;
        while (capacity(days, daysPerEvent, pairs, scale) < planned * CAPACITY_MARGIN) {
            scale++;
        }
        return scale;
    }

    private static double capacity(double days, double daysPerEvent, int pairs, int scale) {
        // An event has its original, up to 2 x scale re-reports and up to 2 x scale reprints (scale of each on
        // average); distractors come on top, a fifth of all articles.
        double perEvent = 1 + 2.0 * scale;
        return days / daysPerEvent * pairs * perEvent / (1 - SyntheticWireGenerator.DISTRACTOR_SHARE);
    }

    private static double meanGapDays() {
        return (SyntheticWireGenerator.MIN_EVENT_GAP_DAYS + SyntheticWireGenerator.MAX_EVENT_GAP_DAYS) / 2.0;
    }

    /** Copies per event this stream writes. */
    int scale() {
        return scale;
    }

    /** Articles generated but not yet read: what the stream holds in memory. */
    int buffered() {
        return pending.size();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Item next() {
        // An article may leave once no event still to come can publish before it: events only add reports at or
        // after their own time, and the earliest lane is the next event.
        while (pending.isEmpty() || pending.peek().item().article().published().isAfter(lanes.peek().next)) {
            advance(lanes.poll());
        }
        return pending.poll().item();
    }

    /** Writes the next event of {@code lane} and schedules the one after it. */
    private void advance(Lane lane) {
        Instant at = lane.next;
        TimelineStep step = lane.steps.poll();
        List<GeneratedArticle> reports = lane.situation.reportsOf(step, at, scale, random);
        GeneratedArticle original = reports.get(0);
        List<ExpectedAlert> expected = new ArrayList<>();
        if (lane.cycle == 0) {
            expected.add(new ExpectedAlert(lane.situation.key(), step.alert(), original.raw().id()));
            if (step == TimelineStep.DEPLOYED && lane.any && lane.situation.namesPlace()) {
                // As in generate: the tracker knows the situation from the plan, so the first named place is news.
                expected.add(new ExpectedAlert(lane.situation.key(), AlertType.NEW_THEATRE, original.raw().id()));
            }
        }
        lane.any = true;
        for (GeneratedArticle report : reports) {
            add(new Item(report, report == original ? expected : List.of(), lane.cycle == 0));
            if (random.nextDouble() < DISTRACTORS_PER_REPORT) {
                Instant when = at.plus(Duration.ofMinutes(random.nextLong(2 * 24 * 60)));
                add(new Item(generator.distractor(idPrefix + "-d" + (distractors++), when, random), List.of(), true));
            }
        }
        Instant next = at.plus(Duration.ofDays(random.nextInt(SyntheticWireGenerator.MIN_EVENT_GAP_DAYS,
                SyntheticWireGenerator.MAX_EVENT_GAP_DAYS + 1))).plus(Duration.ofMinutes(random.nextInt(-120, 120)));
        if (lane.steps.isEmpty()) {
            lane.cycle++;
            startTimeline(lane, next.plus(Duration.ofDays(random.nextInt(MIN_PAUSE_DAYS, MAX_PAUSE_DAYS + 1))));
        } else {
            lane.next = next;
        }
        lanes.add(lane);
    }

    private void startTimeline(Lane lane, Instant at) {
        lane.situation = generator.situation(lane.actor, lane.host, idPrefix + "-" + lane.index + "c" + lane.cycle,
                random);
        lane.steps = new ArrayDeque<>(SyntheticWireGenerator.timeline(random));
        lane.any = false;
        lane.next = at;
    }

    private void add(Item item) {
        pending.add(new Pending(item, seq++));
    }
}
