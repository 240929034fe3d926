package org.microcred.benchmarks.capacity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write capacity units of one item write by the rules of the developer guide: the larger of the
 * item's size before and after, rounded up to 1 KB (twice that inside TransactWriteItems, which
 * writes every item once to prepare and once to commit, a ConditionCheck included); plus, per
 * global secondary index the write touches, one write of the index entry (two when an index key
 * changes: delete and put). Index propagation happens after a transaction commits, so it is
 * billed as an ordinary write.
 *
 * @param table   units of the table itself
 * @param indexes units per index name (only indexes the write touched)
 */
record WriteUnits(double table, Map<String, Double> indexes) {

    double total() {
        return table + indexes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static WriteUnits of(TableShape shape, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                         boolean transactional) {
        double table = (transactional ? 2 : 1) * kilobytes(Math.max(ItemSize.of(before), ItemSize.of(after)));
        Map<String, Double> indexes = new LinkedHashMap<>();
        for (TableShape.Index index : shape.indexes()) {
            double units = index(index, shape, before, after);
            if (units > 0) {
                indexes.put(index.name(), units);
            }
        }
        return new WriteUnits(table, indexes);
    }

    /** A ConditionCheck inside a transaction: the checked item's size, prepare and commit; no index. */
    static WriteUnits conditionCheck(Map<String, AttributeValue> item) {
        return new WriteUnits(2 * kilobytes(ItemSize.of(item)), Map.of());
    }

    private static double index(TableShape.Index index, TableShape shape, Map<String, AttributeValue> before,
                                Map<String, AttributeValue> after) {
        Map<String, AttributeValue> old = index.entry(before, shape.keyAttributes());
        Map<String, AttributeValue> now = index.entry(after, shape.keyAttributes());
        if (old == null && now == null) {
            return 0;
        }
        if (old == null) {
            return kilobytes(ItemSize.of(now));
        }
        if (now == null) {
            return kilobytes(ItemSize.of(old));
        }
        boolean keyChanged = index.keyAttributes().stream().anyMatch(name -> !Objects.equals(old.get(name), now.get(name)));
        if (keyChanged) {
            return kilobytes(ItemSize.of(old)) + kilobytes(ItemSize.of(now));
        }
        return old.equals(now) ? 0 : kilobytes(Math.max(ItemSize.of(old), ItemSize.of(now)));
    }

    /** Sizes round up to whole kilobytes; even an absent item costs one. */
    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
