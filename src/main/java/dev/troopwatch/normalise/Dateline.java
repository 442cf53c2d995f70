package dev.troopwatch.normalise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dateline at the start of a lead paragraph: "SEOUL -", "WASHINGTON:", "KYIV (AP) -", "MOSCOW, Nov 5 (Reuters) -",
 * "BAMAKO, Mali (AP) -", "NAIROBI, December 22. /TASS/.", "Nov. 9 (UPI) -", "(Reuters) -". Runs on text cleaned by
 * {@link TextCleaner}, so every dash is an ASCII "-" and spaces are single.
 *
 * @param place  the dateline place as written ("SEOUL"), or null for a date-only dateline
 * @param agency canonical agency named in the dateline, or null
 * @param end    offset just after the dateline and its separator in the paragraph
 */
record Dateline(String place, String agency, int end) {
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    /** Places in capitals ("NEW DELHI") or, when a separator or agency follows, in title case ("Seoul:"). */
    private static final Pattern PLACE_DATELINE = Pattern.compile(
            "(?<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}|[A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+){0,2})"
                    + "(?:, (?!" + MONTH + " \\d)(?<region>[A-Z][\\p{L}.'-]+(?: [A-Z][\\p{L}.'-]+){0,2}))?"
                    + "(?:,? (?<date>" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?))?\\.?"
                    + "(?:,? ?\\((?<agency>[^()]{1,60})\\)| ?/(?<slashed>[\\p{L} -]{2,20})/\\.?)?"
                    + "(?: ?(?<sep>--|-|:))?(?= )");
    /** "Nov. 9 (UPI) -" or just "(Reuters) -": a source without a place. */
    private static final Pattern DATE_DATELINE = Pattern.compile(
            "(?:(?<date>" + MONTH + " \\d{1,2}) )?\\((?<agency>[^()]{1,40})\\) ?(?<sep>--|-)(?= )");
    private static final int WINDOW = 160;
    private static final int SEPARATOR_WINDOW = 80;

    static Dateline parse(String paragraph, Agencies agencies) {
        if (paragraph.isEmpty() || !(Character.isUpperCase(paragraph.charAt(0)) || paragraph.charAt(0) == '(')
                || !hasSeparator(paragraph)) {
            return null;
        }
        String head = paragraph.length() > WINDOW ? paragraph.substring(0, WINDOW) : paragraph;
        Matcher m = PLACE_DATELINE.matcher(head);
        if (m.lookingAt()) {
            String agencyText = m.group("agency") != null ? m.group("agency") : m.group("slashed");
            boolean capitals = isCapitals(m.group("place"));
            boolean hasSeparator = m.group("sep") != null || m.group("date") != null;
            // a title-case opening word is only a dateline with a separator, a date or a bracketed source after it
            if ((hasSeparator || agencyText != null) && (capitals || hasSeparator || m.group("agency") != null)
                    && !(capitals && m.group("place").length() < 2)
                    && enoughTextAfter(paragraph, m.end())) {
                return new Dateline(m.group("place"), agencyIn(agencyText, agencies), m.end());
            }
        }
        Matcher d = DATE_DATELINE.matcher(head);
        if (d.lookingAt() && enoughTextAfter(paragraph, d.end())) {
            String agency = agencyIn(d.group("agency"), agencies);
            // "(Reuters) -" names a source; "(Updated) -" or any other bracket without a date does not
            if (agency != null || d.group("date") != null) {
                return new Dateline(null, agency, d.end());
            }
        }
        return null;
    }

    /** Every dateline has a dash, colon, bracket, slash or date early on; many opening sentences do not. */
    private static boolean hasSeparator(String paragraph) {
        for (int i = 0, n = Math.min(paragraph.length(), SEPARATOR_WINDOW); i < n; i++) {
            char c = paragraph.charAt(i);
            if (c == '-' || c == ':' || c == '(' || c == '/' || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    private static String agencyIn(String text, Agencies agencies) {
        if (text == null) {
            return null;
        }
        var found = agencies.findAll(text);
        return found.isEmpty() ? null : found.get(0).agency();
    }

    private static boolean isCapitals(String place) {
        for (int i = 0; i < place.length(); i++) {
            if (Character.isLowerCase(place.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A dateline opens a story: at least a few words must follow it. */
    private static boolean enoughTextAfter(String paragraph, int end) {
        int words = 0;
        boolean inWord = false;
        for (int i = end; i < paragraph.length() && words < 4; i++) {
            boolean letter = Character.isLetterOrDigit(paragraph.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words >= 4;
    }
}
