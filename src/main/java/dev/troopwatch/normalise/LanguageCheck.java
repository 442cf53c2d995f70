package dev.troopwatch.normalise;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a text is English, from script and function-word statistics: letters mostly outside the Latin
 * script (Cyrillic, Hangul, Arabic, CJK, ...) mean "not English"; among Latin words, English function words
 * ({@code normalise/english-function-words.txt}) must outnumber those of other languages
 * ({@code normalise/foreign-function-words.txt}) and, in longer texts, make up a plausible share of the words.
 * Short texts without evidence either way count as English: a headline of names is not a foreign language.
 * Nothing is ever translated. Reads at most {@value #MAX_CHARS} characters. Immutable and thread-safe.
 */
public final class LanguageCheck {
    static final String ENGLISH = "normalise/english-function-words.txt";
    static final String FOREIGN = "normalise/foreign-function-words.txt";
    static final int MAX_CHARS = 20_000;
    /** Non-Latin letters above this share of all letters: the text is in another script. */
    static final double FOREIGN_SCRIPT_SHARE = 0.30;
    /** Below this many Latin words, absence of English function words proves nothing. */
    static final int MIN_WORDS_FOR_ABSENCE = 12;
    /** In a text of at least {@link #MIN_WORDS_FOR_RATIO} words, English function words must reach this share. */
    static final double MIN_ENGLISH_SHARE = 0.08;
    static final int MIN_WORDS_FOR_RATIO = 30;

    /** The verdict and a short reason ("english", "script:CYRILLIC", "function-words:fr", ...). */
    public record Result(boolean english, String evidence) {
    }

    private final Set<String> english;
    private final Map<String, Set<String>> foreignLanguagesByWord;

    private LanguageCheck(Set<String> english, Map<String, Set<String>> foreign) {
        this.english = Set.copyOf(english);
        Map<String, Set<String>> copy = new HashMap<>();
        foreign.forEach((w, langs) -> copy.put(w, Set.copyOf(langs)));
        this.foreignLanguagesByWord = Map.copyOf(copy);
    }

    public static LanguageCheck load() {
        Set<String> english = new HashSet<>();
        for (RuleFile.Line line : RuleFile.read(ENGLISH)) {
            String word = line.text();
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || word.contains(" ")) {
                throw line.error("expected one lower-case word");
            }
            if (!english.add(word)) {
                throw line.error("duplicate word");
            }
        }
        Map<String, Set<String>> foreign = new HashMap<>();
        for (RuleFile.Line line : RuleFile.read(FOREIGN)) {
            String[] parts = line.text().split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[a-z]{2}")
                    || !parts[1].equals(parts[1].toLowerCase(Locale.ROOT))) {
                throw line.error("expected LANGUAGE WORD in lower case");
            }
            if (english.contains(parts[1])) {
                throw line.error("'" + parts[1] + "' is also an English function word");
            }
            if (!foreign.computeIfAbsent(parts[1], w -> new HashSet<>()).add(parts[0])) {
                throw line.error("duplicate entry");
            }
        }
        return new LanguageCheck(english, foreign);
    }

    public Result check(String text) {
        if (text == null || text.isBlank()) {
            return new Result(true, "empty");
        }
        int limit = Math.min(text.length(), MAX_CHARS);
        int latinLetters = 0;
        int otherLetters = 0;
        Map<Character.UnicodeScript, Integer> otherScripts = new EnumMap<>(Character.UnicodeScript.class);
        int words = 0;
        int englishHits = 0;
        Map<String, Integer> foreignHits = new HashMap<>();
        StringBuilder word = new StringBuilder(24);
        boolean wordIsLatin = true;
        for (int i = 0; i <= limit; i++) {
            char c = i < limit ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (isLatin(c)) {
                    latinLetters++;
                } else {
                    otherLetters++;
                    wordIsLatin = false;
                    otherScripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
                }
                if (word.length() < 24) {
                    word.append(Character.toLowerCase(c));
                }
            } else if (c == '\'' && word.length() > 0) {
                word.append(c);
            } else if (word.length() > 0) {
                if (wordIsLatin) {
                    words++;
                    String w = stripApostrophe(word);
                    if (english.contains(w)) {
                        englishHits++;
                    } else {
                        Set<String> langs = foreignLanguagesByWord.get(w);
                        if (langs != null) {
                            for (String lang : langs) {
                                foreignHits.merge(lang, 1, Integer::sum);
                            }
                        }
                    }
                }
                word.setLength(0);
                wordIsLatin = true;
            }
        }
        int letters = latinLetters + otherLetters;
        if (letters > 0 && otherLetters > FOREIGN_SCRIPT_SHARE * letters) {
            Character.UnicodeScript dominant = otherScripts.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Character.UnicodeScript.UNKNOWN);
            return new Result(false, "script:" + dominant.name());
        }
        String bestForeign = null;
        int bestForeignHits = 0;
        for (Map.Entry<String, Integer> e : foreignHits.entrySet()) {
            if (e.getValue() > bestForeignHits || e.getValue() == bestForeignHits && e.getKey().compareTo(bestForeign) < 0) {
                bestForeign = e.getKey();
                bestForeignHits = e.getValue();
            }
        }
        if (bestForeignHits > englishHits && bestForeignHits >= 2) {
            return new Result(false, "function-words:" + bestForeign);
        }
        if (englishHits == 0 && words >= MIN_WORDS_FOR_ABSENCE) {
            return new Result(false, bestForeign == null ? "no-english-function-words" : "function-words:" + bestForeign);
        }
        if (words >= MIN_WORDS_FOR_RATIO && englishHits < MIN_ENGLISH_SHARE * words) {
            return new Result(false, "few-english-function-words");
        }
        return new Result(true, "english");
    }

    private static boolean isLatin(char c) {
        return c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);
    }

    private static String stripApostrophe(StringBuilder word) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '\'') {
            end--;
        }
        int apostrophe = word.indexOf("'");
        // "russia's" counts as "russia", "don't" as "don"; only the stem matters for function words
        return word.substring(0, apostrophe >= 0 && apostrophe < end ? apostrophe : end);
    }
}
