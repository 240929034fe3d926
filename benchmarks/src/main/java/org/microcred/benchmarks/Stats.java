package org.microcred.benchmarks;

import java.util.Arrays;

/** Percentiles of a set of measurements (nearest-rank). */
public record Stats(int count, double p50, double p90, double p99, double max) {

    public static Stats of(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
