package dev.troopwatch.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sentence of an article as the rules see it: its token range and the lexicon hits inside, indexed by the
 * token where they start so that the rules can look left and right of a word cheaply.
 */
final class Sentence {
    /** Words that end the scope of a cue: a cue does not reach across them. */
    private static final Set<String> BOUNDARIES = Set.of(";", ":", ",", "but", "while", "whereas", "although",
            "though", "however", "after", "because", "since", "as", "when", "until", "and", "or", "(", ")", "\"",
            "which", "who", "where");
    private static final Set<String> STRONG_BOUNDARIES = Set.of(";", ":", "but", "while", "whereas", "although",
            "though", "however", "(", ")");

    /** After a comma these open a new clause: ", as Pyongyang prepares to send ..." is out of a "may" before it. */
    private static final Set<String> SUBORDINATORS = Set.of("as", "because", "since", "after", "when", "while",
            "until", "although", "though", "which", "who", "where");

    final Tokens tokens;
    final int index;
    final int from;
    final int to;
    final int startChar;
    final int endChar;
    final boolean headline;
    final boolean lead;
    final List<Hit> hits;
    /** Hits by start token, and per-token boundary flags (1 boundary, 3 strong): built on first use only, since
     * most sentences hold no status word and are never looked into. */
    private List<List<Hit>> byStart;
    private byte[] boundaries;
    /** Per-kind prefix counts of hit starts, built on first use (see startsBetween). */
    private Map<LexKind, int[]> startsBefore;

    Sentence(Tokens tokens, int index, int from, int to, int startChar, int endChar, boolean headline, boolean lead,
             List<Hit> hits) {
        this.tokens = tokens;
        this.index = index;
        this.from = from;
        this.to = to;
        this.startChar = startChar;
        this.endChar = endChar;
        this.headline = headline;
        this.lead = lead;
        this.hits = withoutCivilianInsideTroop(hits);
    }

    private void index() {
        boundaries = new byte[to - from];
        for (int i = from; i < to; i++) {
            String f = tokens.form(i);
            if (BOUNDARIES.contains(f)) {
                boolean subordinate = SUBORDINATORS.contains(f) && i > from && tokens.is(i - 1, ",");
                boundaries[i - from] = (byte) (STRONG_BOUNDARIES.contains(f) || subordinate ? 3 : 1);
            }
        }
        List<List<Hit>> lists = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            lists.add(List.of());
        }
        for (Hit h : this.hits) {
            int k = h.start() - from;
            if (lists.get(k).isEmpty()) {
                lists.set(k, new ArrayList<>(2));
            }
            lists.get(k).add(h);
        }
        byStart = lists;
    }

    /** "military construction workers" are troops: the civilian reading inside the longer troop noun goes. */
    private static List<Hit> withoutCivilianInsideTroop(List<Hit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            boolean inside = false;
            if (h.kind() == LexKind.CIVILIAN) {
                for (Hit o : hits) {
                    if (o.kind() == LexKind.TROOP && o.start() <= h.start() && o.end() >= h.end()) {
                        inside = true;
                        break;
                    }
                }
            }
            if (!inside) {
                out.add(h);
            }
        }
        return out;
    }

    List<Hit> startingAt(int token) {
        if (token < from || token >= to) {
            return List.of();
        }
        if (byStart == null) {
            index();
        }
        return byStart.get(token - from);
    }

    /**
     * True when a hit of {@code kind} starts at a token in {@code [a, b)}. Answered from per-kind prefix counts built
     * on first use, so rules that ask it for every pair of hits in a long, trigger-dense sentence stay linear per
     * question instead of walking the span each time (that walk made adversarial sentences take seconds).
     */
    boolean startsBetween(LexKind kind, int a, int b) {
        int lo = Math.max(a, from);
        int hi = Math.min(b, to);
        if (hi <= lo) {
            return false;
        }
        if (startsBefore == null) {
            startsBefore = new EnumMap<>(LexKind.class);
        }
        int[] before = startsBefore.computeIfAbsent(kind, this::countStartsBefore);
        return before[hi - from] > before[lo - from];
    }

    /** {@code counts[i]}: tokens in {@code [from, from + i)} at which a hit of {@code kind} starts. */
    private int[] countStartsBefore(LexKind kind) {
        int[] counts = new int[to - from + 1];
        for (int i = from; i < to; i++) {
            counts[i - from + 1] = counts[i - from] + (at(i, kind) != null ? 1 : 0);
        }
        return counts;
    }

    /** The hit of {@code kind} starting at {@code token}, or null. */
    Hit at(int token, LexKind kind) {
        for (Hit h : startingAt(token)) {
            if (h.kind() == kind) {
                return h;
            }
        }
        return null;
    }

    /** A hit of {@code kind} ending exactly at {@code token} (exclusive end), or null. */
    Hit endingAt(int token, LexKind kind) {
        for (int s = Math.max(from, token - 6); s < token; s++) {
            for (Hit h : startingAt(s)) {
                if (h.kind() == kind && h.end() == token) {
                    return h;
                }
            }
        }
        return null;
    }

    boolean has(LexKind kind) {
        for (Hit h : hits) {
            if (h.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    boolean hasCode(LexKind kind, String code) {
        for (Hit h : hits) {
            if (h.kind() == kind && h.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    String form(int token) {
        return token >= from && token < to ? tokens.form(token) : "";
    }

    boolean boundary(int token) {
        if (boundaries == null) {
            index();
        }
        return token >= from && token < to && boundaries[token - from] != 0;
    }

    boolean strongBoundary(int token) {
        if (boundaries == null) {
            index();
        }
        return token >= from && token < to && (boundaries[token - from] & 2) != 0;
    }

    /**
     * The nearest hit of {@code kind} ending at or before {@code token} within {@code window} tokens, not crossing
     * a boundary word, or null.
     */
    Hit cueBefore(int token, LexKind kind, int window, boolean strongOnly) {
        int limit = Math.max(from, token - window);
        for (int s = token - 1; s >= limit; s--) {
            for (Hit h : startingAt(s)) {
                if (h.kind() == kind && h.end() <= token) {
                    return h;
                }
            }
            if (strongOnly ? strongBoundary(s) : boundary(s)) {
                return null;
            }
        }
        return null;
    }

    /** Start of the clause holding {@code token}: the token after the nearest strong boundary to the left. */
    int clauseStart(int token) {
        for (int s = token - 1; s >= from; s--) {
            if (strongBoundary(s)) {
                return s + 1;
            }
        }
        return from;
    }

    int clauseEnd(int token) {
        for (int s = token + 1; s < to; s++) {
            if (strongBoundary(s)) {
                return s;
            }
        }
        return to;
    }

    String text(String articleText) {
        return articleText.substring(startChar, endChar);
    }
}
