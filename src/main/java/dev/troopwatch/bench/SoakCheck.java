package dev.troopwatch.bench;

import dev.troopwatch.bench.GeneratedArticle.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correctness check of a soak run, kept in bounded memory: only original reports sent in the last minutes are
 * remembered, never the run's articles.
 *
 * <ul>
 *   <li>An original report of a lane's first timeline must raise exactly its expected alerts (situation and type):
 *       extra or wrong ones count as <em>wrong</em>, expected ones that never come as <em>missing</em>.</li>
 *   <li>An original report of a later timeline may raise alerts (which ones depends on the state the previous
 *       timeline left) but only about its own situation; those that raise none are counted, not judged.</li>
 *   <li>Re-reports, reprints and distractors must raise nothing: an alert for an article that is not a remembered
 *       original counts as <em>unexpected</em> (that includes an original's alert arriving after it was forgotten,
 *       which {@link #forget} makes unlikely by remembering longer while the app lags).</li>
 * </ul>
 * Thread-safe: the producer loop, the alert consumer and the sampler call it concurrently.
 */
final class SoakCheck {
    /** Examples of each kind of failure printed and reported. */
    private static final int EXAMPLES = 5;

    /**
     * Totals.
     *
     * @param firstCycleExpected alerts expected from first-timeline originals
     * @param exact              of those, raised
     * @param missing            expected but not raised while remembered
     * @param wrong              raised by a first-timeline original but not expected, or about another situation
     * @param laterOriginals     originals of later timelines sent
     * @param laterAlerts        alerts they raised
     * @param laterSilent        later-timeline originals that raised none
     * @param unexpected         alerts for articles that are not remembered originals (copies, distractors)
     * @param examples           a few failures, "missing KE-HT NEW_DEPLOYMENT id", ...
     */
    record Totals(long firstCycleExpected, long exact, long missing, long wrong, long laterOriginals,
                  long laterAlerts, long laterSilent, long unexpected, List<String> examples) {
        boolean ok() {
            return missing == 0 && wrong == 0 && unexpected == 0;
        }
    }

    private static final class Original {
        final String situation;
        final boolean firstCycle;
        final long sentAt;
        final List<ExpectedAlert> remaining;
        int alerts;

        Original(String situation, boolean firstCycle, long sentAt, List<ExpectedAlert> expected) {
            this.situation = situation;
            this.firstCycle = firstCycle;
            this.sentAt = sentAt;
            this.remaining = new ArrayList<>(expected);
        }
    }

    /** Insertion order is send order, so the oldest are forgotten first. */
    private final Map<String, Original> originals = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long firstCycleExpected;
    private long exact;
    private long missing;
    private long wrong;
    private long laterOriginals;
    private long laterAlerts;
    private long laterSilent;
    private long unexpected;

    synchronized void sent(WireStream.Item item, long nanos) {
        GeneratedArticle article = item.article();
        if (article.role() != Role.ORIGINAL) {
            return;
        }
        if (item.firstCycle()) {
            firstCycleExpected += item.expected().size();
        } else {
            laterOriginals++;
        }
        originals.put(article.raw().id(), new Original(article.situation(), item.firstCycle(), nanos, item.expected()));
    }

    /** An alert the app committed: its situation key, type and the article behind it. */
    synchronized void alert(String situation, String type, String articleId) {
        Original original = originals.get(articleId);
        if (original == null) {
            unexpected++;
            example("unexpected " + situation + " " + type + " " + articleId);
            return;
        }
        original.alerts++;
        if (!original.situation.equals(situation)) {
            wrong++;
            example("wrong situation " + situation + " " + type + " " + articleId + " (about " + original.situation
                    + ")");
        } else if (!original.firstCycle) {
            laterAlerts++;
        } else if (removeOne(original.remaining, type)) {
            exact++;
        } else {
            wrong++;
            example("wrong " + situation + " " + type + " " + articleId);
        }
    }

    /** Forgets originals sent before {@code sentBefore} (System.nanoTime()), settling what they owed. */
    synchronized void forget(long sentBefore) {
        Iterator<Original> it = originals.values().iterator();
        while (it.hasNext()) {
            Original o = it.next();
            if (o.sentAt >= sentBefore) {
                break;
            }
            settle(o, it);
        }
    }

    /** Settles every remembered original: the run is over and every alert has been read. */
    synchronized Totals finish() {
        Iterator<Original> it = originals.values().iterator();
        while (it.hasNext()) {
            settle(it.next(), it);
        }
        return totals();
    }

    synchronized Totals totals() {
        return new Totals(firstCycleExpected, exact, missing, wrong, laterOriginals, laterAlerts, laterSilent,
                unexpected, List.copyOf(examples));
    }

    /** Originals remembered now: the check's memory. */
    synchronized int remembered() {
        return originals.size();
    }

    private void settle(Original o, Iterator<Original> it) {
        if (o.firstCycle) {
            missing += o.remaining.size();
            o.remaining.forEach(e -> example("missing " + e));
        } else if (o.alerts == 0) {
            laterSilent++;
        }
        it.remove();
    }

    /** Removes one expectation of {@code type}, not every one: an article may owe two alerts. */
    private static boolean removeOne(List<ExpectedAlert> remaining, String type) {
        for (int i = 0; i < remaining.size(); i++) {
            if (remaining.get(i).type().name().equals(type)) {
                remaining.remove(i);
                return true;
            }
        }
        return false;
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
