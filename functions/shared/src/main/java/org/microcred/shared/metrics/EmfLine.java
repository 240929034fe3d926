package org.microcred.shared.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;

/**
 * One line of CloudWatch's embedded metric format: the `_aws` directive and the values beside it,
 * written with jackson-core's generator (its escaping; the functions load it anyway).
 */
final class EmfLine {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EmfLine() {
    }

    static String render(String namespace, long millis, List<Map<String, String>> dimensionSets, List<String> names,
                         Map<String, EmfMetric> metrics, Map<String, Object> metadata) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", millis);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            if (dimensionSets.isEmpty()) {
                // No dimension at all is one empty dimension set, as CloudWatch's own EMF libraries write it.
                json.writeStartArray();
                json.writeEndArray();
            }
            for (Map<String, String> dimensionSet : dimensionSets) {
                json.writeStartArray();
                for (String key : dimensionSet.keySet()) {
                    json.writeString(key);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (String name : names) {
                EmfMetric metric = metrics.get(name);
                json.writeStartObject();
                json.writeStringField("Name", name);
                json.writeStringField("Unit", metric.unit() == null ? "None" : metric.unit().getName());
                if (metric.resolution() == MetricResolution.HIGH) {
                    json.writeNumberField("StorageResolution", 1);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (Map<String, String> dimensionSet : dimensionSets) {
                for (Map.Entry<String, String> dimension : dimensionSet.entrySet()) {
                    json.writeStringField(dimension.getKey(), dimension.getValue());
                }
            }
            for (Map.Entry<String, Object> entry : metadata.entrySet()) {
                json.writeFieldName(entry.getKey());
                value(json, entry.getValue());
            }
            for (String name : names) {
                List<Double> values = metrics.get(name).values();
                json.writeFieldName(name);
                if (values.size() == 1) {
                    number(json, values.get(0));
                } else {
                    json.writeStartArray();
                    for (double value : values) {
                        number(json, value);
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    /** Whole values without a fraction (a count is 1, not 1.0); a value JSON cannot hold is 0. */
    private static void number(JsonGenerator json, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNumber(0);
        }
    }
}
