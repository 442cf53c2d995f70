package dev.troopwatch.extract;

import java.util.Set;

/**
 * Reads the troop count written before a troop noun: "about 10,000 soldiers", "more than 1,000 engineering
 * troops", "up to 5,000", "10,000 to 12,000", "a 1,500-strong force", "12 thousand peacekeepers",
 * "1,000 sappers and 5,000 military builders", "5,000 builders as well as 1,000 deminers" (summed, one actor). Vague quantities ("several thousand", "thousands of")
 * and casualty counts ("3,000 soldiers killed") give no count; years and money are never counts.
 */
final class TroopCounter {
    /** Words allowed between a number and its troop noun ("1,500 North Korean special forces"). */
    private static final Set<String> STOP = Set.of("of", "the", "and", "to", "from", "in", "on", "at", "by", "for",
            "with", "were", "was", "have", "has", "had", "been", "be", "that", "which", "who", "are", "is", "than",
            "its", "their", "his", "her", "a", "an", "it", "they", "said", "says", "per");
    private static final Set<String> YEAR_BEFORE = Set.of("in", "since", "of", "by", "from", "until", "during",
            "early", "late", "mid", "-");
    private static final Set<String> MONEY = Set.of("$", "€", "£", "usd", "dollars", "euros", "percent", "%",
            "km", "kilometres", "kilometers", "miles", "years", "year", "days", "months", "tonnes", "tons");

    /** Nouns naming formations: "two brigades" counts formations, not soldiers ("a 900-strong battalion" does). */
    private static final Set<String> FORMATIONS = Set.of("unit", "units", "battalion", "battalions", "brigade",
            "brigades", "regiment", "regiments", "division", "divisions", "contingent", "contingents", "companies",
            "squadrons", "platoons");

    /** Head nouns of a strength given in people ("two brigades - 5,000 people"), troops only in apposition. */
    private static final Set<String> PEOPLE = Set.of("people", "men", "strong");

    private TroopCounter() {
    }

    /** Count attached to the troop noun hit {@code noun}, or null. */
    static TroopRange countFor(Sentence s, Hit noun) {
        // "two military brigades": the count belongs to the compound's head, the last troop noun
        for (Hit head = troopAt(s, noun.end()); head != null; head = troopAt(s, noun.end())) {
            noun = head;
        }
        if (FORMATIONS.contains(s.form(noun.end() - 1)) && !s.tokens.is(noun.start() - 1, "strong")) {
            return apposedCount(s, noun);
        }
        int numEnd = numberEndBefore(s, noun.start());
        if (numEnd < 0) {
            return null;
        }
        if (casualtyCount(s, noun, numEnd)) {
            return null;
        }
        Parsed p = parseBackwards(s, numEnd);
        if (p == null) {
            return null;
        }
        // "the last 50 of the 1,500 soldiers": the part, not the whole
        int of = p.start - 1;
        if (s.tokens.is(of, "the")) {
            of--;
        }
        if (s.tokens.is(of, "of") && of - 1 >= s.from && isNumberToken(s, of - 1)) {
            Parsed part = parseBackwards(s, of);
            if (part != null) {
                p = part;
            }
        }
        return summed(s, p.range, p.start, noun.end());
    }

    /**
     * "two brigades - 5,000 people": a count of people set off after a formation noun restates its strength
     * (summed with units listed after it); a bare count of formations gives no number.
     */
    private static TroopRange apposedCount(Sentence s, Hit formation) {
        int dash = formation.end();
        if (!(s.tokens.is(dash, "-") || s.tokens.is(dash, "–") || s.tokens.is(dash, "—") || s.tokens.is(dash, ","))) {
            return null;
        }
        for (int k = dash + 1; k < Math.min(s.to, dash + 5); k++) {
            if (PEOPLE.contains(s.form(k))) {
                int end = numberEndBefore(s, k);
                Parsed p = end < 0 ? null : parseBackwards(s, end);
                return p == null || p.start != dash + 1 ? null : summed(s, p.range, p.start, k + 1);
            }
        }
        return null;
    }

    /** "1,000 sappers (to clear mines) and 5,000 military builders": units sent together are summed. */
    private static TroopRange summed(Sentence s, TroopRange range, int countStart, int nounEnd) {
        if (range.min() != null && range.min().equals(range.max())) {
            long sum = range.min() + earlierCount(s, countStart);
            int k = nounEnd;
            int limit = Math.min(s.to, nounEnd + 14);
            while (k < limit && !s.strongBoundary(k) && s.at(k, LexKind.TRIGGER) == null) {
                int j = joinerLength(s, k);
                if (j > 0) {
                    Hit next = nextTroopNoun(s, k + j, 6);
                    int end = next == null ? -1 : numberEndBefore(s, next.start());
                    Parsed second = end > k ? parseBackwards(s, end) : null;
                    if (second != null && second.start == k + j && exact(second.range)
                            && !casualtyCount(s, next, end) && !namesState(s, second.start, next.start())) {
                        sum += second.range.min();
                        k = next.end();
                        continue;
                    }
                }
                k++;
            }
            range = TroopRange.exactly(sum);
        }
        return range;
    }

    /** Joined lists of units: "and", "plus", "as well as", "along with", "together with"; 0 when none at k. */
    private static int joinerLength(Sentence s, int k) {
        if (s.tokens.is(k, "and") || s.tokens.is(k, "plus")) {
            return 1;
        }
        if (s.tokens.is(k, "as") && s.tokens.is(k + 1, "well") && s.tokens.is(k + 2, "as")) {
            return 3;
        }
        if ((s.tokens.is(k, "along") || s.tokens.is(k, "together")) && s.tokens.is(k + 1, "with")) {
            return 2;
        }
        return 0;
    }

    /** Length of the joiner ending just before {@code end}, or 0. */
    private static int joinerEndingAt(Sentence s, int end) {
        for (int len = 1; len <= 3; len++) {
            if (end - len >= s.from && joinerLength(s, end - len) == len) {
                return len;
            }
        }
        return 0;
    }

    private static boolean exact(TroopRange r) {
        return r.min() != null && r.min().equals(r.max());
    }

    /** A state named between a count and its noun ("2,000 Belarusian soldiers"): another actor's troops. */
    private static boolean namesState(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.at(k, LexKind.DEMONYM) != null || s.at(k, LexKind.COUNTRY) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact troop count listed just before the joiner that precedes the count at {@code countStart}
     * ("two brigades - 5,000 people as well as 1,000 deminers": 5,000), or 0. A count of people or personnel
     * is a troop count only as an apposition restating a troop noun ("two brigades - 5,000 people").
     */
    private static long earlierCount(Sentence s, int countStart) {
        int j = joinerEndingAt(s, countStart);
        if (j == 0) {
            return 0;
        }
        int k = countStart - j - 1;
        while (k >= s.from && (s.tokens.is(k, "\"") || s.tokens.is(k, "”") || s.tokens.is(k, "'")
                || s.tokens.is(k, ")"))) {
            k--;
        }
        if (k < s.from) {
            return 0;
        }
        Hit troop = s.endingAt(k + 1, LexKind.TROOP);
        int nounStart;
        if (troop != null) {
            nounStart = troop.start();
        } else if (PEOPLE.contains(s.form(k))) {
            nounStart = k;
        } else {
            return 0;
        }
        int end = numberEndBefore(s, nounStart);
        Parsed first = end < 0 ? null : parseBackwards(s, end);
        if (first == null || !exact(first.range) || namesState(s, first.start, nounStart)) {
            return 0;
        }
        if (troop != null) {
            return casualtyCount(s, troop, end) ? 0 : first.range.min();
        }
        int dash = first.start - 1;
        boolean apposition = s.tokens.is(dash, "-") || s.tokens.is(dash, "–") || s.tokens.is(dash, "—")
                || s.tokens.is(dash, ",");
        return apposition && s.endingAt(dash, LexKind.TROOP) != null ? first.range.min() : 0;
    }

    private static Hit troopAt(Sentence s, int k) {
        for (Hit h : s.startingAt(k)) {
            if (h.kind() == LexKind.TROOP) {
                return h;
            }
        }
        return null;
    }

    private static Hit nextTroopNoun(Sentence s, int from, int window) {
        for (int k = from; k < Math.min(s.to, from + window); k++) {
            for (Hit h : s.startingAt(k)) {
                if (h.kind() == LexKind.TROOP) {
                    return h;
                }
            }
        }
        return null;
    }

    /** A count next to a casualty word is a loss count, not a troop number. */
    private static boolean casualtyCount(Sentence s, Hit noun, int numEnd) {
        for (int k = noun.end(); k < Math.min(s.to, noun.end() + 5); k++) {
            if (isCasualty(s, k)) {
                return true;
            }
            if (s.strongBoundary(k) || s.tokens.is(k, ",")) {
                break;
            }
        }
        for (int k = Math.max(s.from, numEnd - 6); k < numEnd; k++) {
            if (isCasualty(s, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCasualty(Sentence s, int k) {
        for (Hit h : s.startingAt(k)) {
            if (h.kind() == LexKind.TRIGGER && h.code().equals(Status.CASUALTIES.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Index just past the last token of a number phrase that modifies the noun starting at {@code nounStart},
     * or -1. Up to four modifier words may stand between ("1,500 North Korean special forces").
     */
    private static int numberEndBefore(Sentence s, int nounStart) {
        int k = nounStart - 1;
        int skipped = 0;
        while (k >= s.from && skipped <= 4) {
            if (isNumberToken(s, k)) {
                return k + 1;
            }
            String f = s.form(k);
            if (f.equals("-") || f.equals("strong")) {
                k--;
                continue;
            }
            if (s.tokens.punct(k) || STOP.contains(f) || MONEY.contains(f)) {
                return -1;
            }
            for (Hit h : s.startingAt(k)) {
                if (h.kind() == LexKind.TRIGGER || h.kind() == LexKind.CIVILIAN) {
                    return -1;
                }
            }
            k--;
            skipped++;
        }
        return -1;
    }

    private static boolean isNumberToken(Sentence s, int k) {
        if (s.tokens.number(k)) {
            return true;
        }
        for (Hit h : s.startingAt(k)) {
            if (h.kind() == LexKind.NUMBER) {
                return true;
            }
        }
        // the last word of a multi-word number ("a dozen")
        return s.endingAt(k + 1, LexKind.NUMBER) != null;
    }

    private record Parsed(TroopRange range, int start) {
    }

    private record Value(long value, int start, boolean vague) {
    }

    /** Reads one number ending at {@code end} (exclusive): digits, number words, multipliers ("12 thousand"). */
    private static Value valueEndingAt(Sentence s, int end) {
        int k = end - 1;
        long multiplier = 1;
        Hit mult = s.endingAt(end, LexKind.NUMBER);
        if (mult != null && mult.code().equals("VAGUE")) {
            return new Value(0, mult.start(), true);
        }
        if (mult != null && mult.code().equals("MULT")) {
            multiplier = mult.entry().value();
            k = mult.start() - 1;
            if (s.tokens.is(k, "-")) {
                k--;
            }
            Hit vague = s.endingAt(k + 1, LexKind.NUMBER);
            if (vague != null && vague.code().equals("VAGUE")) {
                return new Value(0, vague.start(), true);
            }
            if (k < s.from || !(s.tokens.number(k) || s.endingAt(k + 1, LexKind.NUMBER) != null)) {
                // "a thousand troops", "hundreds": a bare multiplier
                if (s.tokens.is(k, "a") || s.tokens.is(k, "one")) {
                    return new Value(multiplier, k, false);
                }
                return new Value(0, mult.start(), true);
            }
        }
        if (k < s.from) {
            return null;
        }
        if (s.tokens.number(k)) {
            String digits = s.form(k);
            if (s.tokens.is(k - 1, "$") || s.tokens.is(k + 1, "%") || MONEY.contains(s.form(end))) {
                return null;
            }
            double v;
            try {
                v = Double.parseDouble(digits.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
            if (multiplier == 1 && digits.length() == 4 && v >= 1900 && v <= 2100
                    && YEAR_BEFORE.contains(s.form(k - 1))) {
                return null; // "in 2024"
            }
            if (multiplier == 1 && digits.contains(".")) {
                return null;
            }
            return new Value(Math.round(v * multiplier), k, false);
        }
        Hit word = s.endingAt(k + 1, LexKind.NUMBER);
        if (word == null) {
            return null;
        }
        if (word.code().equals("VAGUE")) {
            return new Value(0, word.start(), true);
        }
        long v = word.entry().value();
        int start = word.start();
        // "twenty five", "twenty-five"
        int p = start - 1;
        if (s.tokens.is(p, "-")) {
            p--;
        }
        Hit tens = s.endingAt(p + 1, LexKind.NUMBER);
        if (tens != null && tens.code().equals("UNIT") && tens.entry().value() >= 20 && v < 10) {
            v += tens.entry().value();
            start = tens.start();
        }
        return new Value(v * multiplier, start, false);
    }

    private static Parsed parseBackwards(Sentence s, int end) {
        Value hi = valueEndingAt(s, end);
        if (hi == null || hi.vague || hi.value <= 0) {
            return null;
        }
        int start = hi.start;
        // ranges: "10,000 to 12,000", "1,000-3,000", "between 1,000 and 3,000"
        String sep = s.form(start - 1);
        if (sep.equals("to") || sep.equals("-") || sep.equals("and")) {
            Value lo = valueEndingAt(s, start - 1);
            if (lo != null && !lo.vague && lo.value > 0 && lo.value < hi.value
                    && (!sep.equals("and") || s.tokens.is(lo.start - 1, "between"))) {
                int st = sep.equals("and") ? lo.start - 1 : lo.start;
                return new Parsed(new TroopRange(lo.value, hi.value), st);
            }
        }
        Hit approx = s.endingAt(start, LexKind.APPROXIMATOR);
        if (approx != null) {
            return switch (approx.code()) {
                case "MIN" -> new Parsed(new TroopRange(hi.value, null), approx.start());
                case "MAX" -> new Parsed(new TroopRange(null, hi.value), approx.start());
                default -> new Parsed(TroopRange.exactly(hi.value), approx.start());
            };
        }
        return new Parsed(TroopRange.exactly(hi.value), start);
    }
}
