package dev.troopwatch.extract;

/**
 * A troop count as a closed or open range. "some 10,000" is 10000..10000, "more than 10,000" is
 * 10000..null, "up to 5,000" is null..5000.
 */
public record TroopRange(Long min, Long max) {
    public TroopRange {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a troop range needs a min or a max");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("troop range min " + min + " > max " + max);
        }
    }

    public static TroopRange exactly(long n) {
        return new TroopRange(n, n);
    }
}
