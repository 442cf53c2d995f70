package dev.troopwatch.extract;

import dev.troopwatch.normalise.TextSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence spans for an article that arrives without them: paragraph breaks, then a full stop, question or
 * exclamation mark followed by a space and a capital. Normalised articles carry their own spans; this keeps the
 * extractor usable on hand-built ones.
 */
final class SentenceFallback {
    private SentenceFallback() {
    }

    static List<TextSpan> split(String text, int limit) {
        List<TextSpan> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            boolean paragraph = c == '\n' && i + 1 < limit && text.charAt(i + 1) == '\n';
            boolean stop = (c == '.' || c == '?' || c == '!') && i + 2 < limit && text.charAt(i + 1) == ' '
                    && Character.isUpperCase(text.charAt(i + 2)) && !abbreviation(text, i);
            if (paragraph || stop) {
                int end = stop ? i + 1 : i;
                add(text, start, end, out);
                start = end;
            }
        }
        add(text, start, limit, out);
        return out;
    }

    private static boolean abbreviation(String text, int dot) {
        int k = dot - 1;
        while (k >= 0 && Character.isLetter(text.charAt(k))) {
            k--;
        }
        int len = dot - k - 1;
        return len <= 2 && len > 0 && Character.isUpperCase(text.charAt(k + 1)) || text.startsWith("Mr", k + 1)
                && len == 2 || text.startsWith("Gen", k + 1) && len == 3;
    }

    private static void add(String text, int start, int end, List<TextSpan> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new TextSpan(start, end));
        }
    }
}
