package dev.troopwatch.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The news agencies of {@code normalise/agencies.txt}: finds an agency name or alias in a piece of text and gives
 * its canonical name. Aliases in capitals only match in capitals ("AP" but not "ap"); others ignore case.
 * Immutable and thread-safe.
 */
public final class Agencies {
    static final String RESOURCE = "normalise/agencies.txt";

    /** An agency found in a text: canonical name and the character range of the alias. */
    public record Match(String agency, int start, int end) {
    }

    private record Alias(String text, String canonical, boolean exactCase) {
    }

    /** Aliases by lower-cased first character, longest first, so the longest alias wins at a position. */
    private final Map<Character, List<Alias>> byFirstChar;
    private final List<Alias> aliases;

    private Agencies(List<Alias> aliases) {
        this.aliases = List.copyOf(aliases);
        Map<Character, List<Alias>> index = new HashMap<>();
        for (Alias alias : aliases) {
            index.computeIfAbsent(Character.toLowerCase(alias.text.charAt(0)), c -> new ArrayList<>()).add(alias);
        }
        index.replaceAll((c, list) -> list.stream()
                .sorted((a, b) -> Integer.compare(b.text.length(), a.text.length())).toList());
        this.byFirstChar = Map.copyOf(index);
    }

    public static Agencies load() {
        return load(RESOURCE);
    }

    static Agencies load(String resource) {
        List<Alias> aliases = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (RuleFile.Line line : RuleFile.read(resource)) {
            String[] names = line.text().split("\\|", -1);
            String canonical = names[0].strip();
            for (String raw : names) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    throw line.error("empty agency name");
                }
                String previous = seen.put(name.toLowerCase(Locale.ROOT), canonical);
                if (previous != null) {
                    throw line.error("alias '" + name + "' already belongs to " + previous);
                }
                aliases.add(new Alias(name, canonical, isCapitals(name)));
            }
        }
        return new Agencies(aliases);
    }

    private static boolean isCapitals(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /** The agency whose alias starts exactly at {@code pos}, bounded by non-word characters, or null. */
    public Match matchAt(CharSequence text, int pos) {
        if (text == null || pos < 0 || pos >= text.length() || (pos > 0 && isWordChar(text.charAt(pos - 1)))) {
            return null;
        }
        List<Alias> candidates = byFirstChar.get(Character.toLowerCase(text.charAt(pos)));
        if (candidates == null) {
            return null;
        }
        for (Alias alias : candidates) {
            int end = pos + alias.text.length();
            if (end > text.length() || (end < text.length() && isWordChar(text.charAt(end)))) {
                continue;
            }
            if (regionMatches(text, pos, alias)) {
                return new Match(alias.canonical, pos, end);
            }
        }
        return null;
    }

    /** Every agency mention in {@code text}, left to right, not overlapping. */
    public List<Match> findAll(CharSequence text) {
        List<Match> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        int i = 0;
        while (i < text.length()) {
            Match match = matchAt(text, i);
            if (match != null) {
                found.add(match);
                i = match.end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** The canonical name when the whole of {@code text} (trimmed) is one alias, else null. */
    public String canonical(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        Match match = matchAt(trimmed, 0);
        return match != null && match.end == trimmed.length() ? match.agency : null;
    }

    /** Every alias as written in the agencies file. */
    List<String> names() {
        return aliases.stream().map(Alias::text).toList();
    }

    /**
     * A regex alternation of every alias, longest first, for the {AGENCY} macro of the boilerplate patterns;
     * capital-only aliases keep their case even inside a case-insensitive pattern.
     */
    String regexAlternation() {
        return aliases.stream()
                .sorted((a, b) -> Integer.compare(b.text.length(), a.text.length()))
                .map(a -> a.exactCase ? "(?-i:" + Pattern.quote(a.text) + ")" : Pattern.quote(a.text))
                .collect(Collectors.joining("|"));
    }

    private static boolean regionMatches(CharSequence text, int pos, Alias alias) {
        String name = alias.text;
        for (int k = 0; k < name.length(); k++) {
            char a = text.charAt(pos + k);
            char b = name.charAt(k);
            if (a != b && (alias.exactCase || Character.toLowerCase(a) != Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
