package dev.troopwatch.extract;

/** The sentence behind an extracted field, with its character offsets in the normalised text. */
public record Evidence(String sentence, int start, int end) {
    public Evidence {
        if (sentence == null || start < 0 || end < start) {
            throw new IllegalArgumentException("bad evidence span " + start + ".." + end);
        }
    }
}
