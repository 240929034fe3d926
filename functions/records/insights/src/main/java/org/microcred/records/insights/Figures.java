package org.microcred.records.insights;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counters and histogram buckets summed over any number of aggregate items (days, months,
 * micro-credentials of a collection). Everything in it is a plain sum, so merging is exact.
 */
public final class Figures {
    private final Map<String, Long> counts = new HashMap<>();

    /** Adds every numeric attribute of an aggregate item. */
    Figures add(Map<String, AttributeValue> item) {
        return add(item, 1);
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) every numeric attribute of an aggregate item. */
    Figures add(Map<String, AttributeValue> item, int sign) {
        item.forEach((name, value) -> {
            if (value.n() != null && !InsightsKeys.EXPIRES_AT.equals(name)) {
                counts.merge(name, sign * (long) Double.parseDouble(value.n()), Long::sum);
            }
        });
        return this;
    }

    public Figures add(Figures other) {
        other.counts.forEach((name, value) -> counts.merge(name, value, Long::sum));
        return this;
    }

    public Figures add(String name, long amount) {
        counts.merge(name, amount, Long::sum);
        return this;
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** Bucket -> count for the attributes named {@code prefix<n>}, in bucket order. */
    public TreeMap<Integer, Long> histogram(String prefix) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        counts.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length() && value > 0) {
                try {
                    histogram.merge(Integer.parseInt(name.substring(prefix.length())), value, Long::sum);
                } catch (NumberFormatException ignored) {
                    // Not a bucket of this histogram (another counter sharing the prefix).
                }
            }
        });
        return histogram;
    }

    /**
     * The nearest-rank percentile of a histogram: the smallest bucket by which at least
     * {@code quantile} of the observations are counted; null when there are none.
     */
    public static Integer percentile(TreeMap<Integer, Long> histogram, double quantile) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (var bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }
}
