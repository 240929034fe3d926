package org.microcred.shared.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools' {@link Metrics} written as CloudWatch embedded metric format lines by hand. The
 * default provider goes through the EMF library, whose Jackson bean serialisation loaded some
 * 300 classes and cost about 80 ms of every cold start (docs/benchmarks.md); a metric line is
 * a few fields, so a string builder does it. Behaves as Powertools documents: default
 * dimensions survive a flush, metrics, extra dimensions, metadata and the timestamp do not;
 * the cold-start metric is its own line, with the function's name as a dimension.
 */
final class EmfMetrics implements Metrics {
    private static final int MAX_METRICS_PER_LINE = 100;

    private final PrintStream out;
    private final Clock clock;
    private String namespace;
    private DimensionSet defaultDimensions = new DimensionSet();
    private boolean raiseOnEmptyMetrics;
    private final Map<String, EmfMetric> metrics = new LinkedHashMap<>();
    private final List<DimensionSet> dimensions = new ArrayList<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private Instant timestamp;

    EmfMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void addMetric(String name, double value, MetricUnit unit, MetricResolution resolution) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Metric name cannot be null or blank");
        }
        metrics.computeIfAbsent(name, ignored -> new EmfMetric(unit, resolution, new ArrayList<>())).values().add(value);
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
        if (dimensionSet == null) {
            throw new IllegalArgumentException("DimensionSet cannot be null");
        }
        dimensions.add(dimensionSet);
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void addMetadata(String key, Object value) {
        metadata.put(key, value);
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        if (dimensionSet == null) {
            throw new IllegalArgumentException("DimensionSet cannot be null");
        }
        defaultDimensions = dimensionSet;
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return defaultDimensions;
    }

    @Override
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        this.raiseOnEmptyMetrics = raiseOnEmptyMetrics;
    }

    @Override
    public void clearDefaultDimensions() {
        defaultDimensions = new DimensionSet();
    }

    @Override
    public void flush() {
        try {
            if ("true".equalsIgnoreCase(System.getenv("POWERTOOLS_METRICS_DISABLED"))) {
                return;
            }
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalStateException("Namespace must be set before flushing metrics");
            }
            if (metrics.isEmpty()) {
                if (raiseOnEmptyMetrics) {
                    throw new IllegalStateException("No metrics were emitted");
                }
                return;
            }
            // CloudWatch takes at most 100 metrics per line; more are split over several lines.
            List<String> names = new ArrayList<>(metrics.keySet());
            long millis = (timestamp == null ? clock.instant() : timestamp).toEpochMilli();
            for (int from = 0; from < names.size(); from += MAX_METRICS_PER_LINE) {
                out.println(EmfLine.render(namespace, millis, allDimensions(),
                        names.subList(from, Math.min(names.size(), from + MAX_METRICS_PER_LINE)), metrics, metadata));
            }
        } finally {
            metrics.clear();
            dimensions.clear();
            metadata.clear();
            timestamp = null;
        }
    }

    private List<Map<String, String>> allDimensions() {
        List<Map<String, String>> all = new ArrayList<>();
        if (!defaultDimensions.getDimensions().isEmpty()) {
            all.add(defaultDimensions.getDimensions());
        }
        for (DimensionSet extra : dimensions) {
            Map<String, String> merged = new LinkedHashMap<>(defaultDimensions.getDimensions());
            merged.putAll(extra.getDimensions());
            all.add(merged);
        }
        return all;
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensionSet) {
        if (!LambdaHandlerProcessor.isColdStart()) {
            return;
        }
        flushMetrics(coldStart -> {
            DimensionSet coldStartDimensions = dimensionSet != null ? dimensionSet : withFunctionName(context);
            coldStart.setDefaultDimensions(coldStartDimensions);
            if (context != null && context.getAwsRequestId() != null) {
                coldStart.addMetadata("function_request_id", context.getAwsRequestId());
            }
            coldStart.addMetric("ColdStart", 1, MetricUnit.COUNT);
        });
    }

    private DimensionSet withFunctionName(Context context) {
        DimensionSet dimensionSet = DimensionSet.of(defaultDimensions.getDimensions());
        if (context != null && context.getFunctionName() != null) {
            dimensionSet.addDimension("FunctionName", context.getFunctionName());
        }
        return dimensionSet;
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensionSet) {
        captureColdStartMetric(null, dimensionSet);
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
        EmfMetrics separate = new EmfMetrics(out, clock);
        separate.setNamespace(namespace);
        separate.setDefaultDimensions(DimensionSet.of(defaultDimensions.getDimensions()));
        metricsConsumer.accept(separate);
        separate.flush();
    }
}
