package dev.troopwatch.normalise;

import java.text.Normalizer;

/**
 * Character-level clean-up of article text: Unicode NFKC, typographic quotes to ASCII, dashes to "-" (a spaced
 * dash stays a spaced " - " so a dateline dash remains visible), every kind of space to a plain space, zero-width
 * and control characters removed, runs of spaces collapsed, lines trimmed, and Cyrillic or Greek lookalike
 * letters inside Latin words folded to Latin ({@code normalise/homoglyphs.txt}). Newlines are kept: paragraph
 * structure is decided later. One pass over the text in the common case; NFKC runs only when the text is not
 * already in that form. Immutable and thread-safe.
 */
final class TextCleaner {
    static final String HOMOGLYPHS = "normalise/homoglyphs.txt";
    /** Greek and Cyrillic blocks, the only ones lookalikes come from. */
    private static final int FOLD_FIRST = 0x0370;
    private static final int FOLD_LAST = 0x052F;

    /** Latin letter for each Greek or Cyrillic lookalike, indexed from {@link #FOLD_FIRST}; 0 where none. */
    private final char[] fold;

    private TextCleaner(char[] fold) {
        this.fold = fold;
    }

    static TextCleaner load() {
        char[] fold = new char[FOLD_LAST - FOLD_FIRST + 1];
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
            if (fold[lookalike - FOLD_FIRST] != 0) {
                throw line.error("duplicate lookalike");
            }
            fold[lookalike - FOLD_FIRST] = (char) latin;
        }
        return new TextCleaner(fold);
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
        Output out = new Output(text.length());
        map(text, out);
        String result = out.toString();
        if (out.nonAscii && !Normalizer.isNormalized(result, Normalizer.Form.NFKC)) {
            // NFKC can produce new spaces, quotes or dashes ("\u2002", fullwidth forms), so map its output again
            Output again = new Output(result.length());
            map(Normalizer.normalize(result, Normalizer.Form.NFKC), again);
            out = again;
            result = again.toString();
        }
        return out.foldable ? foldHomoglyphs(result) : result;
    }

    /** Output buffer that collapses spaces and trims lines as characters arrive. */
    private static final class Output {
        char[] buf;
        int len;
        boolean pendingSpace;
        boolean lineStart = true;
        boolean nonAscii;
        boolean foldable;

        Output(int expected) {
            buf = new char[expected + 16];
        }

        void emit(char c) {
            if (len + 2 > buf.length) {
                char[] bigger = new char[buf.length * 2 + 16];
                System.arraycopy(buf, 0, bigger, 0, len);
                buf = bigger;
            }
            if (pendingSpace) {
                buf[len++] = ' ';
                pendingSpace = false;
            }
            buf[len++] = c;
            lineStart = false;
        }

        /** Copies plain printable ASCII {@code text[from, to)} in bulk: the common case, most of every article. */
        void emitRun(char[] text, int from, int to) {
            int count = to - from;
            if (len + count + 1 > buf.length) {
                char[] bigger = new char[Math.max(buf.length * 2, len + count + 1) + 16];
                System.arraycopy(buf, 0, bigger, 0, len);
                buf = bigger;
            }
            if (pendingSpace) {
                buf[len++] = ' ';
                pendingSpace = false;
            }
            System.arraycopy(text, from, buf, len, count);
            len += count;
            lineStart = false;
        }

        void space() {
            pendingSpace = !lineStart;
        }

        void newline() {
            pendingSpace = false;
            emit('\n');
            lineStart = true;
        }

        /** The last character written is a word character (no space pending): a dash here may join two words. */
        boolean afterNonSpace() {
            return !pendingSpace && !lineStart && len > 0;
        }

        boolean afterWordChar() {
            return afterNonSpace() && Character.isLetterOrDigit(buf[len - 1]);
        }

        boolean afterDigit() {
            return afterNonSpace() && Character.isDigit(buf[len - 1]);
        }

        @Override
        public String toString() {
            return new String(buf, 0, len);
        }
    }

    private void map(String input, Output out) {
        char[] text = input.toCharArray();
        int n = text.length;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (c > ' ' && c < 0x7F) {
                int end = i + 1;
                while (end < n && text[end] > ' ' && text[end] < 0x7F) {
                    end++;
                }
                out.emitRun(text, i, end);
                i = end - 1;
                continue;
            }
            switch (c) {
                case ' ', '\t', '\f', 0x0B -> out.space();
                case '\n' -> out.newline();
                case '\r' -> {
                    out.newline();
                    if (i + 1 < n && text[i + 1] == '\n') {
                        i++;
                    }
                }
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060', '\u02BC', '\u02BB',
                        '\u2035', '\uFF07' -> out.emit('\'');
                case '\u201C' -> {
                    // an opening quote glued to the previous word ("it is\u201Cclear") gets its space back
                    if (out.afterWordChar()) {
                        out.space();
                    }
                    out.emit('"');
                }
                case '\u201D' -> {
                    out.emit('"');
                    if (i + 1 < n && Character.isLetterOrDigit(text[i + 1])) {
                        out.space();
                    }
                }
                case '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u301D', '\u301E', '\u2036', '\uFF02' ->
                        out.emit('"');
                case '\u2010', '\u2011' -> out.emit('-');
                case '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D' -> dash(out, out.afterNonSpace() && nextIsWord(text, i));
                case '\u2014', '\u2015', '\uFE58' -> dash(out, out.afterDigit() && i + 1 < n
                        && Character.isDigit(text[i + 1]));
                case '\u2028', '\u2029', '\u0085' -> out.newline();
                case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {
                    // soft hyphens and zero-width characters carry nothing and would split words
                }
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSpaceChar(c)) {
                        out.space();
                    } else {
                        out.emit(c);
                        out.nonAscii = true;
                        out.foldable |= c >= FOLD_FIRST && c <= FOLD_LAST;
                    }
                }
            }
        }
    }

    private static boolean nextIsWord(char[] text, int i) {
        return i + 1 < text.length && !Character.isWhitespace(text[i + 1]) && !Character.isSpaceChar(text[i + 1]);
    }

    /** A dash joining two words or numbers ("10-12", "Franco-German") stays tight; otherwise it is " - ". */
    private static void dash(Output out, boolean tight) {
        if (!tight) {
            out.space();
        }
        out.emit('-');
        if (!tight) {
            out.space();
        }
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
