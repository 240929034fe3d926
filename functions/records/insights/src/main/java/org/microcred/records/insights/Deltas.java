package org.microcred.records.insights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one stream record changes in the aggregates: numeric additions and labels per item,
 * plus whole items to put. Additions to the same item are merged, because one transaction may
 * touch an item only once (a coach who is both the old and the new coach of an enrolment).
 */
public final class Deltas {
    private final Map<String, ItemChange> changes = new LinkedHashMap<>();
    private final List<Map<String, AttributeValue>> puts = new ArrayList<>();

    /** Additions and labels for one aggregate item. */
    public static final class ItemChange {
        private final String pk;
        private final String sk;
        private final Map<String, Long> adds = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        ItemChange(String pk, String sk) {
            this.pk = pk;
            this.sk = sk;
        }

        public String pk() {
            return pk;
        }

        public String sk() {
            return sk;
        }

        /** The non-zero additions. */
        public Map<String, Long> adds() {
            Map<String, Long> nonZero = new LinkedHashMap<>();
            adds.forEach((name, value) -> {
                if (value != 0) {
                    nonZero.put(name, value);
                }
            });
            return nonZero;
        }

        public Map<String, String> labels() {
            return labels;
        }
    }

    public Deltas add(String pk, String sk, String counter, long amount) {
        change(pk, sk).adds.merge(counter, amount, Long::sum);
        return this;
    }

    /** A display label stored alongside counters (a title, a coach's name); written only with counters. */
    public Deltas label(String pk, String sk, String attribute, String value) {
        if (value != null && !value.isBlank()) {
            change(pk, sk).labels.put(attribute, value);
        }
        return this;
    }

    Deltas put(Map<String, AttributeValue> item) {
        puts.add(Map.copyOf(item));
        return this;
    }

    /** Items with at least one non-zero addition; labels alone are not worth a write. */
    public List<ItemChange> updates() {
        Collection<ItemChange> all = changes.values();
        return all.stream().filter(change -> !change.adds().isEmpty()).toList();
    }

    public List<Map<String, AttributeValue>> puts() {
        return List.copyOf(puts);
    }

    public boolean isEmpty() {
        return updates().isEmpty() && puts.isEmpty();
    }

    private ItemChange change(String pk, String sk) {
        return changes.computeIfAbsent(pk + "\u0000" + sk, key -> new ItemChange(pk, sk));
    }
}
