package org.microcred.shared.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;

/** One line of CloudWatch's embedded metric format: the `_aws` directive and the values beside it. */
final class EmfLine {
    private EmfLine() {
    }

    static String render(String namespace, long millis, List<Map<String, String>> dimensionSets, List<String> names,
                         Map<String, EmfMetric> metrics, Map<String, Object> metadata) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"_aws\":{\"Timestamp\":").append(millis).append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        string(json, namespace);
        // No dimension at all is one empty dimension set, as CloudWatch's own EMF libraries write it.
        json.append(dimensionSets.isEmpty() ? ",\"Dimensions\":[[]" : ",\"Dimensions\":[");
        for (int i = 0; i < dimensionSets.size(); i++) {
            json.append(i == 0 ? "[" : ",[");
            int k = 0;
            for (String key : dimensionSets.get(i).keySet()) {
                json.append(k++ == 0 ? "" : ",");
                string(json, key);
            }
            json.append(']');
        }
        json.append("],\"Metrics\":[");
        for (int i = 0; i < names.size(); i++) {
            EmfMetric metric = metrics.get(names.get(i));
            json.append(i == 0 ? "{\"Name\":" : ",{\"Name\":");
            string(json, names.get(i));
            json.append(",\"Unit\":");
            string(json, metric.unit() == null ? "None" : metric.unit().getName());
            if (metric.resolution() == MetricResolution.HIGH) {
                json.append(",\"StorageResolution\":1");
            }
            json.append('}');
        }
        json.append("]}]}");
        for (Map<String, String> dimensionSet : dimensionSets) {
            for (Map.Entry<String, String> dimension : dimensionSet.entrySet()) {
                json.append(',');
                string(json, dimension.getKey());
                json.append(':');
                string(json, dimension.getValue());
            }
        }
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            json.append(',');
            string(json, entry.getKey());
            json.append(':');
            value(json, entry.getValue());
        }
        for (String name : names) {
            List<Double> values = metrics.get(name).values();
            json.append(',');
            string(json, name);
            json.append(':');
            if (values.size() == 1) {
                number(json, values.get(0));
            } else {
                json.append('[');
                for (int i = 0; i < values.size(); i++) {
                    json.append(i == 0 ? "" : ",");
                    number(json, values.get(i));
                }
                json.append(']');
            }
        }
        return json.append('}').toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.append(number);
        } else if (value instanceof Boolean bool) {
            json.append(bool);
        } else {
            string(json, String.valueOf(value));
        }
    }

    private static void number(StringBuilder json, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.append((long) value);
        } else if (Double.isFinite(value)) {
            json.append(String.format(Locale.ROOT, "%s", value));
        } else {
            json.append(0);
        }
    }

    static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
