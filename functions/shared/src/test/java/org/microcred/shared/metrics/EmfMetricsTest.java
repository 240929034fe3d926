package org.microcred.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

class EmfMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private List<JsonNode> lines() throws Exception {
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (out.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(out.split("\n")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    @Test
    void flush_writesOneEmbeddedMetricFormatLineWithDirectiveDimensionsAndValues() throws Exception {
        metrics.setNamespace("microcred");
        metrics.setDefaultDimensions(DimensionSet.of("Service", "evidence"));
        metrics.addMetric("Success", 1, MetricUnit.COUNT);
        metrics.addMetric("Latency", 12.5, MetricUnit.MILLISECONDS, MetricResolution.HIGH);
        metrics.addMetadata("requestId", "r-1 \"quoted\"");

        metrics.flush();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("microcred");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(directive.get("Metrics").toString()).isEqualTo(
                "[{\"Name\":\"Success\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\",\"StorageResolution\":1}]");
        assertThat(line.get("Service").asText()).isEqualTo("evidence");
        assertThat(line.get("Success").asLong()).isEqualTo(1);
        assertThat(line.get("Latency").asDouble()).isEqualTo(12.5);
        assertThat(line.get("requestId").asText()).isEqualTo("r-1 \"quoted\"");
    }

    @Test
    void flush_clearsMetricsDimensionsAndMetadataButKeepsDefaultDimensions() throws Exception {
        metrics.setNamespace("microcred");
        metrics.setDefaultDimensions(DimensionSet.of("Service", "badges"));
        metrics.addDimension(DimensionSet.of("Route", "GET-badges-id"));
        metrics.addMetric("Success", 1, MetricUnit.COUNT);
        metrics.addMetadata("note", 1);
        metrics.flush();
        metrics.addMetric("ClientError", 1, MetricUnit.COUNT);
        metrics.addMetric("ClientError", 1, MetricUnit.COUNT);
        metrics.flush();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString())
                .isEqualTo("[[\"Service\"],[\"Service\",\"Route\"]]");
        assertThat(lines.get(0).get("Route").asText()).isEqualTo("GET-badges-id");
        JsonNode second = lines.get(1);
        assertThat(second.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString())
                .isEqualTo("[[\"Service\"]]");
        assertThat(second.has("Route")).isFalse();
        assertThat(second.has("note")).isFalse();
        assertThat(second.has("Success")).isFalse();
        assertThat(second.get("ClientError").toString()).isEqualTo("[1,1]");
    }

    @Test
    void flush_withoutAnyDimension_writesOneEmptyDimensionSet() throws Exception {
        metrics.setNamespace("microcred");
        metrics.addMetric("BadgesIssued", 1, MetricUnit.COUNT);
        metrics.flush();

        assertThat(lines().get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString())
                .isEqualTo("[[]]");
    }

    @Test
    void flush_withNoMetrics_writesNothingUnlessAskedToRaise() throws Exception {
        metrics.setNamespace("microcred");
        metrics.flush();
        assertThat(lines()).isEmpty();

        metrics.setRaiseOnEmptyMetrics(true);
        assertThatThrownBy(metrics::flush).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No metrics");
    }

    @Test
    void flush_withoutNamespace_refusesAndForgetsTheMetrics() throws Exception {
        metrics.addMetric("Success", 1, MetricUnit.COUNT);
        assertThatThrownBy(metrics::flush).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Namespace");
        metrics.setNamespace("microcred");
        metrics.flush();
        assertThat(lines()).isEmpty();
    }

    @Test
    void flushMetrics_writesItsOwnLineWithTheDefaultDimensionsAndLeavesTheRequestsMetricsAlone() throws Exception {
        metrics.setNamespace("microcred");
        metrics.setDefaultDimensions(DimensionSet.of("Service", "notification"));
        metrics.addMetric("EmailsSent", 2, MetricUnit.COUNT);
        metrics.flushMetrics(single -> single.addMetric("Throttled", 1, MetricUnit.COUNT));
        metrics.flush();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("Throttled").asLong()).isEqualTo(1);
        assertThat(lines.get(0).get("Service").asText()).isEqualTo("notification");
        assertThat(lines.get(0).has("EmailsSent")).isFalse();
        assertThat(lines.get(1).get("EmailsSent").asLong()).isEqualTo(2);
    }

    @Test
    void flush_ofMoreThanAHundredMetrics_splitsThemOverLinesCloudWatchAccepts() throws Exception {
        metrics.setNamespace("microcred");
        for (int i = 0; i < 150; i++) {
            metrics.addMetric("M" + i, i, MetricUnit.COUNT);
        }
        metrics.flush();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics")).hasSize(100);
        assertThat(lines.get(1).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics")).hasSize(50);
        assertThat(lines.get(1).get("M149").asLong()).isEqualTo(149);
    }

    @Test
    void namesAndValuesWithControlCharacters_stayValidJson() throws Exception {
        metrics.setNamespace("micro\"cred");
        metrics.addMetadata("detail", "line\nbreak\ttab\u0001");
        metrics.addMetric("Odd\\Name", Double.NaN, MetricUnit.NONE);
        metrics.flush();

        JsonNode line = lines().get(0);
        assertThat(line.get("detail").asText()).isEqualTo("line\nbreak\ttab\u0001");
        assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText()).isEqualTo("micro\"cred");
        assertThat(line.has("Odd\\Name")).isTrue();
    }
}
