package dev.troopwatch.extract;

import java.util.Set;

/**
 * Reads the troop count written before a troop noun: "about 10,000 soldiers", "more than 1,000 engineering
 * troops", "up to 5,000", "10,000 to 12,000", "a 1,500-strong force", "12 thousand peacekeepers",
 * "1,000 sappers and 5,000 military builders" (summed). Vague quantities ("several thousand", "thousands of")
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

    private TroopCounter() {
    }

    /** Count attached to the troop noun hit {@code noun}, or null. */
    static TroopRange countFor(Sentence s, Hit noun) {
        int numEnd = numberEndBefore(s, noun.start());
        if (numEnd < 0) {
            return null;
        }
        if (casualtyCount(s, noun, numEnd)) {
            return null;
        }
        if (FORMATIONS.contains(s.form(noun.end() - 1)) && !s.tokens.is(noun.start() - 1, "strong")) {
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
        TroopRange range = p.range;
        // "1,000 sappers (to clear mines) and 5,000 military builders": units sent together are summed
        if (range.min() != null && range.min().equals(range.max())) {
            long sum = range.min();
            int k = noun.end();
            int limit = Math.min(s.to, noun.end() + 14);
            while (k < limit && !s.strongBoundary(k) && s.at(k, LexKind.TRIGGER) == null) {
                if (s.tokens.is(k, "and")) {
                    Hit next = nextTroopNoun(s, k + 1, 6);
                    int end = next == null ? -1 : numberEndBefore(s, next.start());
                    Parsed second = end > k ? parseBackwards(s, end) : null;
                    if (second != null && second.start == k + 1 && second.range.min() != null
                            && second.range.min().equals(second.range.max()) && !casualtyCount(s, next, end)) {
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
