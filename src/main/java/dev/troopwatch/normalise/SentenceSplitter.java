package dev.troopwatch.normalise;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a paragraph of cleaned text into sentences in one left-to-right pass, without regexes. A sentence ends at
 * . ! ? (and any closing quotes or brackets after it) followed by a space and a word that does not start in lower
 * case, unless the period belongs to an abbreviation ({@code normalise/abbreviations.txt}), a dotted acronym or an
 * initial; after those, the sentence ends only when the next word is a typical opener
 * ({@code normalise/sentence-openers.txt}). The end of a paragraph always ends a sentence, so headlines, subheads
 * and truncated last sentences come out whole. Immutable and thread-safe.
 */
final class SentenceSplitter {
    static final String ABBREVIATIONS = "normalise/abbreviations.txt";
    static final String OPENERS = "normalise/sentence-openers.txt";
    /** Longer "sentences" (tables, run-on junk, adversarial input) are cut at a space so later work stays bounded. */
    static final int MAX_SENTENCE_CHARS = 1500;

    enum AbbreviationClass { TITLE, MONTH, NUMERIC, AMBIGUOUS }

    private final Map<String, AbbreviationClass> abbreviations;
    private final Set<String> openers;

    private SentenceSplitter(Map<String, AbbreviationClass> abbreviations, Set<String> openers) {
        this.abbreviations = Map.copyOf(abbreviations);
        this.openers = Set.copyOf(openers);
    }

    static SentenceSplitter load() {
        Map<String, AbbreviationClass> abbreviations = new HashMap<>();
        for (RuleFile.Line line : RuleFile.read(ABBREVIATIONS)) {
            String[] parts = line.text().split("\\s+");
            if (parts.length != 2) {
                throw line.error("expected CLASS WORD");
            }
            AbbreviationClass type;
            try {
                type = AbbreviationClass.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw line.error("unknown class '" + parts[0] + "'");
            }
            String word = parts[1];
            if (word.endsWith(".") && !word.equals(".")) {
                throw line.error("write the abbreviation without its final period");
            }
            if (abbreviations.put(word, type) != null) {
                throw line.error("duplicate abbreviation");
            }
        }
        Set<String> openers = new HashSet<>();
        for (RuleFile.Line line : RuleFile.read(OPENERS)) {
            if (line.text().contains(" ")) {
                throw line.error("one word per line");
            }
            if (!openers.add(line.text().toLowerCase(Locale.ROOT))) {
                throw line.error("duplicate opener");
            }
        }
        return new SentenceSplitter(abbreviations, openers);
    }

    /** Adds the sentence spans of {@code text[start, end)} (one paragraph) to {@code out}. */
    void split(String text, int start, int end, List<TextSpan> out) {
        split(text, start, end, start, out);
    }

    /**
     * As {@link #split(String, int, int, List)}, but no sentence ends before {@code noBreakBefore}: a dateline such
     * as "MOSCOW, November 14. /TASS/." belongs to the first sentence of the story.
     */
    void split(String text, int start, int end, int noBreakBefore, List<TextSpan> out) {
        int sentenceStart = skipSpaces(text, start, end);
        int i = Math.max(sentenceStart, Math.min(noBreakBefore, end));
        while (i < end) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                if (i - sentenceStart >= MAX_SENTENCE_CHARS) {
                    int cut = lastSpace(text, sentenceStart, i);
                    emit(text, sentenceStart, cut, out);
                    sentenceStart = skipSpaces(text, cut, end);
                    i = Math.max(i, sentenceStart);
                    continue;
                }
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < end && isTerminal(text.charAt(runEnd))) {
                runEnd++;
            }
            int closeEnd = runEnd;
            while (closeEnd < end && isCloser(text.charAt(closeEnd))) {
                closeEnd++;
            }
            if (closeEnd >= end) {
                break;
            }
            char after = text.charAt(closeEnd);
            if (after == ' ') {
                int next = skipSpaces(text, closeEnd, end);
                if (next < end && endsSentence(text, sentenceStart, i, runEnd, closeEnd, next, end)) {
                    emit(text, sentenceStart, closeEnd, out);
                    sentenceStart = next;
                }
                i = next;
            } else if (isFusedBoundary(text, i, runEnd, closeEnd, end)) {
                // "the region.According to" - a missing space after a full stop, common in scraped pages
                emit(text, sentenceStart, closeEnd, out);
                sentenceStart = closeEnd;
                i = closeEnd;
            } else {
                i = closeEnd;
            }
        }
        emit(text, sentenceStart, end, out);
    }

    private boolean endsSentence(String text, int sentenceStart, int dot, int runEnd, int closeEnd, int next,
                                 int end) {
        char first = text.charAt(next);
        if (Character.isLowerCase(first)) {
            return false;
        }
        if (text.charAt(dot) != '.' || runEnd - dot != 1 || closeEnd != runEnd) {
            return true;
        }
        int tokenStart = dot;
        while (tokenStart > sentenceStart && !isTokenBreak(text.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        if (tokenStart == dot) {
            return true;
        }
        String token = text.substring(tokenStart, dot);
        AbbreviationClass type = abbreviations.get(token);
        if (type != null) {
            return switch (type) {
                case TITLE -> false;
                case MONTH, NUMERIC -> !Character.isDigit(first);
                case AMBIGUOUS -> isOpener(text, next, end);
            };
        }
        if (isInitialOrAcronym(token)) {
            return isOpener(text, next, end);
        }
        return true;
    }

    /** "J", "U.S", "U.N", "a.m": letters of one or two characters joined by periods. */
    private static boolean isInitialOrAcronym(String token) {
        if (token.length() == 1) {
            return Character.isUpperCase(token.charAt(0));
        }
        int segment = 0;
        boolean dotted = false;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (c == '.') {
                if (segment == 0) {
                    return false;
                }
                dotted = true;
                segment = 0;
            } else if (Character.isLetter(c) && segment < 2) {
                segment++;
            } else {
                return false;
            }
        }
        return dotted && segment > 0;
    }

    private boolean isOpener(String text, int next, int end) {
        int k = next;
        while (k < end && (text.charAt(k) == '"' || text.charAt(k) == '\'' || text.charAt(k) == '(')) {
            k++;
        }
        int wordStart = k;
        while (k < end && Character.isLetter(text.charAt(k)) && k - wordStart < 16) {
            k++;
        }
        if (k == wordStart) {
            return true;
        }
        return openers.contains(text.substring(wordStart, k).toLowerCase(Locale.ROOT));
    }

    private static boolean isFusedBoundary(String text, int dot, int runEnd, int closeEnd, int end) {
        if (text.charAt(dot) != '.' || runEnd - dot != 1 || closeEnd != runEnd || closeEnd + 1 >= end) {
            return false;
        }
        if (!Character.isUpperCase(text.charAt(closeEnd)) || !Character.isLowerCase(text.charAt(closeEnd + 1))) {
            return false;
        }
        int lower = 0;
        for (int k = dot - 1; k >= 0 && Character.isLowerCase(text.charAt(k)); k--) {
            lower++;
        }
        // "News.Az" or "Caliber.Az" is a name; a real fused sentence start is a longer word
        int upper = closeEnd + 1;
        while (upper < end && Character.isLowerCase(text.charAt(upper))) {
            upper++;
        }
        return lower >= 3 && upper - closeEnd >= 3;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']';
    }

    private static boolean isTokenBreak(char c) {
        return c == ' ' || c == '(' || c == '"' || c == '\'' || c == '[' || c == '/';
    }

    private static int skipSpaces(String text, int from, int end) {
        int k = from;
        while (k < end && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int lastSpace(String text, int from, int to) {
        for (int k = to; k > from + MAX_SENTENCE_CHARS / 2; k--) {
            if (text.charAt(k) == ' ') {
                return k;
            }
        }
        return to;
    }

    private static void emit(String text, int start, int end, List<TextSpan> out) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > start) {
            out.add(new TextSpan(start, e));
        }
    }
}
