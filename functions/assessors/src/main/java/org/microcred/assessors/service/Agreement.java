package org.microcred.assessors.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement between an assessor and the reference decisions over (criterion, submission) pairs:
 * the share of exactly matching levels and Cohen's kappa.
 *
 * <p>Kappa = (p_o - p_e) / (1 - p_e), where p_o is the observed agreement and p_e the agreement
 * expected by chance from the two raters' marginal distributions over the categories. The
 * categories are the rubric levels qualified by their criterion ({@code alignment/proficient} and
 * {@code decision/proficient} are different categories), because a level only means something
 * within its criterion; for one criterion this is the plain per-criterion kappa.
 *
 * <p>Degenerate case: when p_e = 1 (both raters put every pair in the same single category) the
 * formula is 0/0. Kappa is then defined as 1 if the observed agreement is 1 and 0 otherwise (with
 * p_e = 1 the observed agreement is necessarily 1, so in practice this is 1: perfect agreement on
 * a set without variation). Without any pair there is no kappa (null).
 */
public final class Agreement {
    private Agreement() {
    }

    /** One compared pair: the level the assessor chose and the reference level for one criterion of one item. */
    public record Pair(String criterionId, String assessorLevel, String referenceLevel) {
        boolean agrees() {
            return assessorLevel.equals(referenceLevel);
        }
    }

    /** Observed agreement, chance agreement and kappa of a set of pairs. */
    public record Figures(int pairs, int agreements, double observed, double chance, Double kappa) {
    }

    public static Figures of(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Figures(0, 0, 0, 0, null);
        }
        int agreements = 0;
        Map<String, Integer> assessorCounts = new HashMap<>();
        Map<String, Integer> referenceCounts = new HashMap<>();
        for (Pair pair : pairs) {
            if (pair.agrees()) {
                agreements++;
            }
            assessorCounts.merge(pair.criterionId() + "/" + pair.assessorLevel(), 1, Integer::sum);
            referenceCounts.merge(pair.criterionId() + "/" + pair.referenceLevel(), 1, Integer::sum);
        }
        double observed = (double) agreements / n;
        double chance = 0;
        for (Map.Entry<String, Integer> entry : assessorCounts.entrySet()) {
            chance += ((double) entry.getValue() / n) * ((double) referenceCounts.getOrDefault(entry.getKey(), 0) / n);
        }
        return new Figures(n, agreements, observed, chance, kappa(observed, chance));
    }

    static double kappa(double observed, double chance) {
        // Floating-point sums of products can land a hair away from 1.
        if (chance >= 1 - 1e-12) {
            return observed >= 1 - 1e-12 ? 1.0 : 0.0;
        }
        return (observed - chance) / (1 - chance);
    }

    /** The pairs grouped by criterion, in first-seen order. */
    public static Map<String, List<Pair>> byCriterion(List<Pair> pairs) {
        Map<String, List<Pair>> grouped = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            grouped.computeIfAbsent(pair.criterionId(), id -> new ArrayList<>()).add(pair);
        }
        return grouped;
    }

    /** Rounded to 4 decimals: what is stored, shown and compared with the minimums. */
    public static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
