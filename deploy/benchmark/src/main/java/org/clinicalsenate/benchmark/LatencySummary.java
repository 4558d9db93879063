package org.clinicalsenate.benchmark;

import java.util.Arrays;

/**
 * Exact percentiles of a phase's latencies (all samples are kept: a phase has at most a few
 * hundred thousand), by the nearest-rank method: the p-th percentile is the smallest sample that
 * at least p% of the samples do not exceed. No interpolation, so p99 is always a latency that
 * some request really had.
 */
public record LatencySummary(int count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos, long meanNanos) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public static LatencySummary of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (long latency : sorted) {
            sum += latency;
        }
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /** The nearest-rank percentile of sorted samples (at least one); {@code percent} in (0, 100]. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0 || percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile " + percent + " of " + sorted.length + " samples");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double p50Millis() {
        return millis(p50Nanos);
    }

    public double p90Millis() {
        return millis(p90Nanos);
    }

    public double p99Millis() {
        return millis(p99Nanos);
    }

    public double maxMillis() {
        return millis(maxNanos);
    }

    public double meanMillis() {
        return millis(meanNanos);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
