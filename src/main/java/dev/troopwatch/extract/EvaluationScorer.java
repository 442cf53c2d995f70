package dev.troopwatch.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores extracted mentions against gold labels exactly as {@code corpus/LABELING.md} specifies. Pure: no I/O.
 *
 * <p>How a system's situation-level fields are read from its mentions: for a labelled lead situation (actor,
 * host), the system's theatre / troops / claimant is the value of the first mention, in text order, that is a
 * lead mention of that (actor, host) and has that field set; no such mention (or no lead mention for the
 * situation at all) counts as a wrong answer.
 */
public final class EvaluationScorer {
    private static final Pattern TRAILING_AREA = Pattern.compile(
            "\\s+(region|oblast|province|governorate|district|area)$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private EvaluationScorer() {
    }

    /** One article to score: its labels and what the system extracted. */
    public record Scored(GoldLabel gold, List<Mention> mentions) {
        public Scored {
            Objects.requireNonNull(gold, "gold");
            mentions = List.copyOf(mentions);
        }
    }

    public static EvaluationReport score(List<Scored> articles) {
        int relevanceCorrect = 0;
        int distractorEvents = 0;
        EvaluationReport.Counts status = new EvaluationReport.Counts(0, 0, 0, 0);
        EvaluationReport.Counts lead = new EvaluationReport.Counts(0, 0, 0, 0);
        EvaluationReport.Accuracy theatre = new EvaluationReport.Accuracy(0, 0);
        EvaluationReport.Accuracy troops = new EvaluationReport.Accuracy(0, 0);
        EvaluationReport.Accuracy claimant = new EvaluationReport.Accuracy(0, 0);
        List<EvaluationReport.ArticleResult> results = new ArrayList<>();
        for (Scored a : articles) {
            GoldLabel g = a.gold();
            List<String> errors = new ArrayList<>();
            boolean predictedRelevant = !a.mentions().isEmpty();
            boolean relOk = predictedRelevant == g.relevant();
            if (relOk) {
                relevanceCorrect++;
            } else {
                errors.add("relevance: got " + predictedRelevant + ", want " + g.relevant());
            }
            if (!g.relevant()) {
                distractorEvents += a.mentions().size();
            }
            Set<GoldLabel.Triple> goldStatuses = new LinkedHashSet<>();
            Set<GoldLabel.Triple> goldLead = new LinkedHashSet<>();
            for (GoldLabel.Situation s : g.situations()) {
                for (Status st : s.statuses()) {
                    goldStatuses.add(new GoldLabel.Triple(s.actor(), s.host(), st));
                }
                for (Status st : s.lead()) {
                    goldLead.add(new GoldLabel.Triple(s.actor(), s.host(), st));
                }
            }
            Set<GoldLabel.Triple> optional = new LinkedHashSet<>(g.optional());
            Set<GoldLabel.Triple> predicted = new LinkedHashSet<>();
            Set<GoldLabel.Triple> predictedLead = new LinkedHashSet<>();
            for (Mention m : a.mentions()) {
                GoldLabel.Triple t = new GoldLabel.Triple(m.actor(), m.host(), m.status());
                predicted.add(t);
                if (m.lead()) {
                    predictedLead.add(t);
                }
            }
            status = status.plus(count(predicted, goldStatuses, optional, "", errors));
            lead = lead.plus(count(predictedLead, goldLead, optional, "lead ", errors));
            for (GoldLabel.Situation s : g.situations()) {
                if (s.lead().isEmpty()) {
                    continue;
                }
                String key = s.actor() + "/" + s.host();
                if (s.theatre() != null) {
                    String got = firstLead(a.mentions(), s, Field.THEATRE);
                    boolean ok = got != null && theatreMatches(got, s.theatre());
                    theatre = theatre.plus(new EvaluationReport.Accuracy(ok ? 1 : 0, 1));
                    if (!ok) {
                        errors.add("theatre " + key + ": got " + got + ", want " + s.theatre());
                    }
                }
                if (s.troops() != null) {
                    TroopRange got = firstLeadTroops(a.mentions(), s);
                    boolean ok = s.troops().equals(got);
                    troops = troops.plus(new EvaluationReport.Accuracy(ok ? 1 : 0, 1));
                    if (!ok) {
                        errors.add("troops " + key + ": got " + range(got) + ", want " + range(s.troops()));
                    }
                }
                if (s.claimant() != null) {
                    String got = firstLead(a.mentions(), s, Field.CLAIMANT);
                    boolean ok = s.claimant().equals(got);
                    claimant = claimant.plus(new EvaluationReport.Accuracy(ok ? 1 : 0, 1));
                    if (!ok) {
                        errors.add("claimant " + key + ": got " + got + ", want " + s.claimant());
                    }
                }
            }
            results.add(new EvaluationReport.ArticleResult(g.file(), relOk, errors));
        }
        return new EvaluationReport(articles.size(), relevanceCorrect, status, lead, theatre, troops, claimant,
                distractorEvents, results);
    }

    private static EvaluationReport.Counts count(Set<GoldLabel.Triple> predicted, Set<GoldLabel.Triple> gold,
                                                 Set<GoldLabel.Triple> optional, String prefix, List<String> errors) {
        int correct = 0;
        for (GoldLabel.Triple t : predicted) {
            if (gold.contains(t) || optional.contains(t)) {
                correct++;
            } else {
                errors.add(prefix + "false " + t);
            }
        }
        int found = 0;
        for (GoldLabel.Triple t : gold) {
            if (predicted.contains(t)) {
                found++;
            } else {
                errors.add(prefix + "miss " + t);
            }
        }
        return new EvaluationReport.Counts(predicted.size(), correct, gold.size(), found);
    }

    private enum Field { THEATRE, CLAIMANT }

    private static String firstLead(List<Mention> mentions, GoldLabel.Situation s, Field field) {
        for (Mention m : mentions) {
            if (m.lead() && m.actor().equals(s.actor()) && m.host().equals(s.host())) {
                String v = field == Field.THEATRE ? m.theatre() : m.claimant();
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static TroopRange firstLeadTroops(List<Mention> mentions, GoldLabel.Situation s) {
        for (Mention m : mentions) {
            if (m.lead() && m.actor().equals(s.actor()) && m.host().equals(s.host()) && m.troops() != null) {
                return m.troops();
            }
        }
        return null;
    }

    private static String range(TroopRange r) {
        return r == null ? "null" : r.min() + ".." + r.max();
    }

    /**
     * Theatre names match when, ignoring case, accents and a trailing region / oblast / province / governorate /
     * district / area, they are equal or one is a whole-word part of the other ("Karabakh" in "Nagorno-Karabakh").
     */
    public static boolean theatreMatches(String a, String b) {
        String x = theatreKey(a);
        String y = theatreKey(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y);
        }
        return x.equals(y) || wholeWordPart(x, y) || wholeWordPart(y, x);
    }

    static String theatreKey(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String previous;
        do {
            previous = folded;
            folded = TRAILING_AREA.matcher(folded).replaceAll("").strip();
        } while (!folded.equals(previous));
        return folded;
    }

    private static boolean wholeWordPart(String part, String whole) {
        return (" " + whole + " ").contains(" " + part + " ");
    }
}
