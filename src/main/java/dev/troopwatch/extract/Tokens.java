package dev.troopwatch.extract;

import java.util.Arrays;
import java.util.Locale;

/**
 * The text cut once into tokens: words (with inner apostrophes split off as "'s" / "n't"), numbers written
 * with thousands separators ("10,000", "1.5") and single punctuation marks. Each token keeps its offsets and a
 * folded form (lower case, accents removed) that every lexicon lookup uses, so "Abéché" and "ABECHE" meet.
 */
final class Tokens {
    static final int CAPITALISED = 1;
    static final int NUMBER = 2;
    static final int PUNCT = 4;

    private int size;
    private int[] starts;
    private int[] ends;
    private int[] flags;
    private String[] folded;

    private Tokens(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
        flags = new int[capacity];
        folded = new String[capacity];
    }

    static Tokens of(String text) {
        return of(text, 0, text.length());
    }

    static Tokens of(String text, int from, int to) {
        Tokens t = new Tokens(Math.max(16, (to - from) / 5));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < to) {
                    char d = text.charAt(j);
                    if (Character.isDigit(d)) {
                        j++;
                    } else if ((d == ',' || d == '.') && j + 1 < to && Character.isDigit(text.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                t.add(text, i, j, NUMBER);
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < to) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if (d == '.' && j + 1 < to && Character.isLetter(text.charAt(j + 1))
                            && j + 2 <= to && (j + 2 == to || text.charAt(j + 2) == '.')
                            && Character.isUpperCase(c)) {
                        j += 2; // U.S., U.N., U.K.: keep the dotted abbreviation as one word
                    } else {
                        break;
                    }
                }
                // trailing dot of a dotted abbreviation ("U.S.")
                if (j < to && text.charAt(j) == '.' && j - i >= 3 && text.charAt(j - 2) == '.') {
                    j++;
                }
                int end = j;
                if (end < to && isApostrophe(text.charAt(end)) && end + 1 < to && Character.isLetter(text.charAt(end + 1))) {
                    int k = end + 1;
                    while (k < to && Character.isLetter(text.charAt(k))) {
                        k++;
                    }
                    String tail = text.substring(end + 1, k).toLowerCase(Locale.ROOT);
                    if (tail.equals("s")) {
                        t.add(text, i, end, Character.isUpperCase(c) ? CAPITALISED : 0);
                        t.addFolded(end, k, "'s", 0);
                        i = k;
                        continue;
                    }
                    if (tail.equals("t") && end - 1 > i && Character.toLowerCase(text.charAt(end - 1)) == 'n') {
                        t.add(text, i, end - 1, Character.isUpperCase(c) ? CAPITALISED : 0);
                        t.addFolded(end - 1, k, "n't", 0);
                        i = k;
                        continue;
                    }
                    if (tail.equals("ll")) {
                        t.add(text, i, end, Character.isUpperCase(c) ? CAPITALISED : 0);
                        t.addFolded(end, k, "'ll", 0);
                        i = k;
                        continue;
                    }
                    // N'Djamena, Sana'a: the apostrophe is part of the name
                    end = k;
                    while (end < to && Character.isLetterOrDigit(text.charAt(end))) {
                        end++;
                    }
                }
                t.add(text, i, end, Character.isUpperCase(c) ? CAPITALISED : 0);
                i = end;
            } else {
                t.add(text, i, i + 1, PUNCT);
                i++;
            }
        }
        return t;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private void add(String text, int start, int end, int flag) {
        addFolded(start, end, fold(text, start, end), flag);
    }

    private void addFolded(int start, int end, String form, int flag) {
        if (size == starts.length) {
            int cap = size * 2;
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            flags = Arrays.copyOf(flags, cap);
            folded = Arrays.copyOf(folded, cap);
        }
        starts[size] = start;
        ends[size] = end;
        flags[size] = flag;
        folded[size] = form;
        size++;
    }

    /** Lower case without accents; apostrophes unified. Plain ASCII words are lowered without a copy loop. */
    static String fold(CharSequence s, int start, int end) {
        StringBuilder b = null;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            char f = foldChar(c);
            if (b == null && f != c) {
                b = new StringBuilder(end - start);
                for (int k = start; k < i; k++) {
                    b.append(s.charAt(k));
                }
            }
            if (b != null) {
                b.append(f);
            }
        }
        return b == null ? s.subSequence(start, end).toString() : b.toString();
    }

    private static char foldChar(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        switch (c) {
            case 'à': case 'á': case 'â': case 'ã': case 'ä': case 'å': case 'À': case 'Á': case 'Â': case 'Ã':
            case 'Ä': case 'Å': case 'ā':
                return 'a';
            case 'ç': case 'Ç': case 'č': case 'ć':
                return 'c';
            case 'è': case 'é': case 'ê': case 'ë': case 'È': case 'É': case 'Ê': case 'Ë': case 'ě': case 'ē':
                return 'e';
            case 'ì': case 'í': case 'î': case 'ï': case 'Ì': case 'Í': case 'Î': case 'Ï': case 'ī':
                return 'i';
            case 'ñ': case 'Ñ': case 'ń':
                return 'n';
            case 'ò': case 'ó': case 'ô': case 'õ': case 'ö': case 'Ò': case 'Ó': case 'Ô': case 'Õ': case 'Ö':
            case 'ø': case 'ō':
                return 'o';
            case 'ù': case 'ú': case 'û': case 'ü': case 'Ù': case 'Ú': case 'Û': case 'Ü': case 'ū':
                return 'u';
            case 'ý': case 'ÿ': case 'Ý':
                return 'y';
            case 'ż': case 'ź': case 'ž': case 'Ż': case 'Ź': case 'Ž':
                return 'z';
            case 'ł': case 'Ł':
                return 'l';
            case 'ś': case 'š': case 'Ś': case 'Š': case 'ş':
                return 's';
            case 'ğ':
                return 'g';
            case 'ı':
                return 'i';
            case '\u2019': case '\u2018': case '`':
                return '\'';
            case '\u2013': case '\u2014': case '\u2212':
                return '-';
            default:
                return Character.toLowerCase(c);
        }
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    String form(int i) {
        return folded[i];
    }

    boolean is(int i, String form) {
        return i >= 0 && i < size && folded[i].equals(form);
    }

    boolean capitalised(int i) {
        return (flags[i] & CAPITALISED) != 0;
    }

    boolean number(int i) {
        return (flags[i] & NUMBER) != 0;
    }

    boolean punct(int i) {
        return (flags[i] & PUNCT) != 0;
    }

    /** First token whose start is at or after {@code offset}. */
    int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
