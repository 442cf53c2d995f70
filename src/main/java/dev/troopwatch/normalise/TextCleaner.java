package dev.troopwatch.normalise;

import java.text.Normalizer;

/**
 * Character-level clean-up of article text: Unicode NFKC, typographic quotes to ASCII, dashes to "-" (a spaced
 * dash stays a spaced " - " so a dateline dash remains visible), every kind of space to a plain space, zero-width
 * and control characters removed, runs of spaces collapsed, lines trimmed, and Cyrillic or Greek lookalike
 * letters inside Latin words folded to Latin ({@code normalise/homoglyphs.txt}). Newlines are kept: paragraph
 * structure is decided later. Immutable and thread-safe.
 */
final class TextCleaner {
    static final String HOMOGLYPHS = "normalise/homoglyphs.txt";
    /** Greek and Cyrillic blocks, the only ones lookalikes come from. */
    private static final int FOLD_FIRST = 0x0370;
    private static final int FOLD_LAST = 0x052F;

    private final char[] fold = new char[FOLD_LAST - FOLD_FIRST + 1];

    private TextCleaner() {
    }

    static TextCleaner load() {
        TextCleaner cleaner = new TextCleaner();
        for (RuleFile.Line line : RuleFile.read(HOMOGLYPHS)) {
            String[] parts = line.text().split("\\s+");
            if (parts.length != 2) {
                throw line.error("expected LOOKALIKE LATIN");
            }
            int lookalike = parseChar(line, parts[0]);
            int latin = parseChar(line, parts[1]);
            if (lookalike < FOLD_FIRST || lookalike > FOLD_LAST) {
                throw line.error("lookalike must be a Greek or Cyrillic letter");
            }
            if (latin > 'z' || !Character.isLetter(latin)) {
                throw line.error("target must be an ASCII letter");
            }
            if (cleaner.fold[lookalike - FOLD_FIRST] != 0) {
                throw line.error("duplicate lookalike");
            }
            cleaner.fold[lookalike - FOLD_FIRST] = (char) latin;
        }
        return cleaner;
    }

    private static int parseChar(RuleFile.Line line, String token) {
        if (token.startsWith("U+")) {
            try {
                return Integer.parseInt(token.substring(2), 16);
            } catch (NumberFormatException e) {
                throw line.error("bad code point " + token);
            }
        }
        if (token.codePointCount(0, token.length()) != 1) {
            throw line.error("expected one character, got '" + token + "'");
        }
        return token.codePointAt(0);
    }

    /** Cleans {@code raw} (null gives ""), reading at most {@code maxChars} characters of it. */
    String clean(String raw, int maxChars) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = raw.length() > maxChars ? raw.substring(0, maxChars) : raw;
        StringBuilder mapped = new StringBuilder(text.length() + 16);
        boolean nonAscii = false;
        boolean foldable = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '\r') {
                    mapped.append('\n');
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else if (c == '\t' || c == '\f' || c == 0x0B) {
                    mapped.append(' ');
                } else if (c >= 0x20 && c != 0x7F || c == '\n') {
                    mapped.append(c);
                }
                continue;
            }
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060', '\u02BC', '\u02BB',
                        '\u2035', '\uFF07' -> mapped.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u301D', '\u301E',
                        '\u2036', '\uFF02' -> mapped.append('"');
                case '\u2010', '\u2011', '\u00AD' -> {
                    if (c != '\u00AD') {
                        mapped.append('-');
                    }
                }
                case '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D' ->
                        appendDash(mapped, isTight(mapped, text, i));
                case '\u2014', '\u2015', '\uFE58' -> appendDash(mapped, isBetweenDigits(mapped, text, i));
                case '\u2028', '\u2029', '\u0085' -> mapped.append('\n');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {
                    // zero-width characters carry nothing and break words apart
                }
                default -> {
                    if (Character.isSpaceChar(c)) {
                        mapped.append(' ');
                    } else if (c >= 0x80 && c < 0xA0) {
                        mapped.append(' ');
                    } else {
                        mapped.append(c);
                        nonAscii = true;
                        foldable |= c >= FOLD_FIRST && c <= FOLD_LAST;
                    }
                }
            }
        }
        CharSequence normal = mapped;
        if (nonAscii) {
            String s = mapped.toString();
            normal = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        String collapsed = collapseSpaces(normal);
        return foldable ? foldHomoglyphs(collapsed) : collapsed;
    }

    /** A dash joining two non-space characters ("10-12", "Franco-German") stays tight; otherwise it is spaced. */
    private static void appendDash(StringBuilder out, boolean tight) {
        if (tight) {
            out.append('-');
        } else {
            out.append(" - ");
        }
    }

    private static boolean isTight(StringBuilder out, String text, int i) {
        int len = out.length();
        return len > 0 && !Character.isWhitespace(out.charAt(len - 1))
                && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))
                && !Character.isSpaceChar(text.charAt(i + 1));
    }

    private static boolean isBetweenDigits(StringBuilder out, String text, int i) {
        int len = out.length();
        return len > 0 && Character.isDigit(out.charAt(len - 1))
                && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
    }

    /** Single spaces, no spaces at line ends; NFKC may have produced new spaces, so this runs after it. */
    private static String collapseSpaces(CharSequence in) {
        StringBuilder out = new StringBuilder(in.length());
        boolean pendingSpace = false;
        boolean lineStart = true;
        for (int i = 0, n = in.length(); i < n; i++) {
            char c = in.charAt(i);
            if (c == '\n') {
                out.append('\n');
                pendingSpace = false;
                lineStart = true;
            } else if (c == ' ' || Character.isSpaceChar(c) || (c < 0x20)) {
                pendingSpace = !lineStart;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                lineStart = false;
            }
        }
        return out.toString();
    }

    /** Folds lookalikes only in words that also contain a Latin letter; an all-Cyrillic word stays as it is. */
    private String foldHomoglyphs(String text) {
        char[] chars = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean lookalike = false;
            boolean otherScript = false;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
                char c = text.charAt(i);
                if (c < 0x250 && Character.isLetter(c)) {
                    latin = true;
                } else if (c >= FOLD_FIRST && c <= FOLD_LAST) {
                    if (fold[c - FOLD_FIRST] != 0) {
                        lookalike = true;
                    } else {
                        otherScript = true;
                    }
                }
                i++;
            }
            if (latin && lookalike && !otherScript) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                for (int k = start; k < i; k++) {
                    char c = chars[k];
                    if (c >= FOLD_FIRST && c <= FOLD_LAST && fold[c - FOLD_FIRST] != 0) {
                        chars[k] = fold[c - FOLD_FIRST];
                    }
                }
            }
        }
        return chars == null ? text : new String(chars);
    }
}
