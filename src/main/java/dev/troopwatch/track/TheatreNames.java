package dev.troopwatch.track;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares theatre names the way the labelling guide does: ignoring case, accents and a trailing
 * region / oblast / province / governorate / district / area, and treating a whole-word part as the same place
 * ("Karabakh" and "Nagorno-Karabakh", "Kursk" and "Kursk border area").
 */
final class TheatreNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING = Pattern.compile(
            "(?:\\s+(?:region|oblast|province|governorate|district|area|border|front|frontline))+$");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");

    private TheatreNames() {
    }

    static String normalise(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String spaced = SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return TRAILING.matcher(LEADING_THE.matcher(spaced).replaceFirst("")).replaceFirst("").trim();
    }

    /** Both arguments already normalised. */
    static boolean sameOrPart(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b);
        }
        return a.equals(b) || (" " + a + " ").contains(" " + b + " ") || (" " + b + " ").contains(" " + a + " ");
    }
}
