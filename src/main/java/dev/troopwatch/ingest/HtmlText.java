package dev.troopwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain text from the HTML bodies some wire formats carry (ninjs {@code body_html}, {@code bodies} of type
 * text/html, RSS descriptions): block elements become paragraphs separated by blank lines, tags go, entities are
 * decoded, scripts and styles are dropped. One linear pass, no regular expressions, so hostile input costs at most
 * time proportional to its length.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "blockquote", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
            "pre", "hr", "dd", "dt", "aside");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("hellip", "\u2026"));
    private static final int LONGEST_ENTITY = 10;
    private static final char BREAK = '\n';

    private HtmlText() {
    }

    /** Heuristic for bodies whose type is not declared: a tag-like {@code <p>}, {@code <br>}, {@code <div>}. */
    public static boolean looksLikeHtml(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("<p>") || lower.contains("<p ") || lower.contains("<br") || lower.contains("<div");
    }

    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    out.append(html, i, n);
                    break;
                }
                String name = tagName(html, i + 1, close);
                if (SKIPPED.contains(name) && html.charAt(i + 1) != '/') {
                    int end = indexOfIgnoreCase(html, "</" + name, close + 1);
                    int endClose = end < 0 ? -1 : html.indexOf('>', end);
                    i = endClose < 0 ? n : endClose + 1;
                    continue;
                }
                if (BLOCKS.contains(name)) {
                    out.append(BREAK);
                } else if (!name.isEmpty()) {
                    out.append(' ');
                }
                i = close + 1;
            } else if (c == '&') {
                // only as far as the longest entity: a search to the end for every '&' made "&&&...;" quadratic
                int semi = indexOf(html, ';', i + 1, Math.min(n, i + LONGEST_ENTITY + 1));
                String decoded = semi < 0 ? null : entity(html.substring(i + 1, semi));
                if (decoded == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(decoded);
                    i = semi + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return paragraphs(out);
    }

    /** Splits on block breaks, collapses whitespace inside each paragraph, joins with blank lines. */
    private static String paragraphs(CharSequence text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean space = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? BREAK : text.charAt(i);
            if (c == BREAK) {
                if (!current.isEmpty()) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
                space = !current.isEmpty();
            } else {
                if (space) {
                    current.append(' ');
                    space = false;
                }
                current.append(c);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static String tagName(String html, int from, int to) {
        int start = from < to && html.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return html.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int codePoint = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? new String(Character.toChars(codePoint)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }

    /** Index of {@code c} in {@code text} from {@code from} (inclusive) to {@code to} (exclusive), or -1. */
    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = from; i <= text.length() - needle.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
