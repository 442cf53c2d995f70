package dev.troopwatch.bench;

import java.util.Locale;

/**
 * Whether a quantity sampled during a long run (live heap, state directory) levels off or keeps growing.
 *
 * <p>The judgement rests on the second half of the run, after the warm-up in which situations, histories and
 * caches fill: the least-squares slope over it, with its standard error. The quantity <em>grows</em> when that slope
 * is positive, at least {@value #MIN_T} standard errors above zero (not noise), and large enough to matter: it would
 * add at least {@value #MIN_GROWTH_PER_HOUR} of the last third's mean, and at least {@value #MIN_BYTES_PER_HOUR}
 * bytes, per hour. Otherwise it is <em>bounded</em>. Fewer than {@value #MIN_SAMPLES} samples in the second half
 * give no verdict.
 *
 * @param samples        samples over the whole run
 * @param firstThirdMean mean of the samples in the first third of the run's time (bytes)
 * @param lastThirdMean  mean of the samples in the last third (bytes)
 * @param min            smallest sample (bytes)
 * @param max            largest sample (bytes)
 * @param slopePer10Min  least-squares slope over the second half, bytes per 10 minutes; NaN without a verdict
 * @param slopeError     standard error of that slope, bytes per 10 minutes
 * @param verdict        bounded, grows, or too few samples
 */
record GrowthVerdict(int samples, double firstThirdMean, double lastThirdMean, double min, double max,
                     double slopePer10Min, double slopeError, Verdict verdict) {
    static final int MIN_SAMPLES = 4;
    static final double MIN_T = 3.0;
    static final double MIN_GROWTH_PER_HOUR = 0.05;
    static final long MIN_BYTES_PER_HOUR = 1 << 20;

    enum Verdict { BOUNDED, GROWS, TOO_FEW_SAMPLES }

    /** Judges {@code values} (bytes) sampled at {@code seconds} since the start; negative values are unknowns. */
    static GrowthVerdict of(double[] seconds, double[] values) {
        if (seconds.length != values.length) {
            throw new IllegalArgumentException("seconds and values differ in length");
        }
        int n = 0;
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0) {
                n++;
                t0 = Math.min(t0, seconds[i]);
                t1 = Math.max(t1, seconds[i]);
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (n == 0) {
            return new GrowthVerdict(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Verdict.TOO_FEW_SAMPLES);
        }
        double span = t1 - t0;
        double firstThird = mean(seconds, values, t0, t0 + span / 3);
        double lastThird = mean(seconds, values, t1 - span / 3, t1);
        double[] fit = fit(seconds, values, t0 + span / 2, t1);
        if (Double.isNaN(fit[0])) {
            return new GrowthVerdict(n, firstThird, lastThird, min, max, Double.NaN, Double.NaN,
                    Verdict.TOO_FEW_SAMPLES);
        }
        double perHour = fit[0] * 3600;
        double errorPerHour = fit[1] * 3600;
        boolean grows = perHour > 0 && perHour >= MIN_T * errorPerHour
                && perHour >= Math.max(MIN_GROWTH_PER_HOUR * lastThird, MIN_BYTES_PER_HOUR);
        return new GrowthVerdict(n, firstThird, lastThird, min, max, perHour / 6, errorPerHour / 6,
                grows ? Verdict.GROWS : Verdict.BOUNDED);
    }

    /** "bounded: 212 MiB in the first third, 215 MiB in the last, 198-231 MiB, +0.4 ± 0.6 MiB per 10 min". */
    String describe() {
        if (samples == 0) {
            return "no samples";
        }
        String range = String.format(Locale.ROOT, "%s in the first third, %s in the last, %s-%s",
                BenchReport.bytes((long) firstThirdMean), BenchReport.bytes((long) lastThirdMean),
                BenchReport.bytes((long) min), BenchReport.bytes((long) max));
        if (verdict == Verdict.TOO_FEW_SAMPLES) {
            return "too few samples for a verdict: " + range;
        }
        return String.format(Locale.ROOT, "%s: %s; second half %+.2f ± %.2f MiB per 10 min",
                verdict == Verdict.GROWS ? "grows" : "bounded", range, slopePer10Min / (1 << 20),
                slopeError / (1 << 20));
    }

    private static double mean(double[] seconds, double[] values, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0 && seconds[i] >= from && seconds[i] <= to) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Least-squares slope (per second) of the samples in [from, to] and its standard error; NaN if too few. */
    private static double[] fit(double[] seconds, double[] values, double from, double to) {
        int n = 0;
        double st = 0;
        double sv = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0 && seconds[i] >= from && seconds[i] <= to) {
                n++;
                st += seconds[i];
                sv += values[i];
            }
        }
        if (n < MIN_SAMPLES) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mt = st / n;
        double mv = sv / n;
        double stt = 0;
        double stv = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0 && seconds[i] >= from && seconds[i] <= to) {
                stt += (seconds[i] - mt) * (seconds[i] - mt);
                stv += (seconds[i] - mt) * (values[i] - mv);
            }
        }
        if (stt == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = stv / stt;
        double sse = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0 && seconds[i] >= from && seconds[i] <= to) {
                double residual = values[i] - (mv + slope * (seconds[i] - mt));
                sse += residual * residual;
            }
        }
        return new double[] {slope, Math.sqrt(sse / (n - 2) / stt)};
    }
}
