package io.halcyon.launcher.soak;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample, in milliseconds. */
record Percentiles(double p50, double p99, double max, int count) {

    static Percentiles ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
