package org.microcred.records.insights;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One current-state gauge item ({@code ORG#<org>#NOW}, sort key {@code MC#<id>} or
 * {@code COACH#<id>}): its counters and its display labels (a title, a coach's name).
 */
public record Gauge(Figures figures, Map<String, String> labels) {
    public Gauge {
        labels = Map.copyOf(labels);
    }

    static Gauge of(Map<String, AttributeValue> item) {
        Map<String, String> labels = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                labels.put(name, value.s());
            }
        });
        return new Gauge(new Figures().add(item), labels);
    }

    /** A label such as {@link Counters#NOW_TITLE}; null when the item has none. */
    public String label(String attribute) {
        return labels.get(attribute);
    }
}
