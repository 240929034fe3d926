package org.microcred.shared.metrics;

import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Where every function gets its Powertools {@link Metrics}: the same request-scoped instance
 * Powertools hands out, with lines written by {@link EmfMetrics} instead of the EMF library.
 */
public final class FunctionMetrics {
    private static final Metrics INSTANCE = create();

    private FunctionMetrics() {
    }

    public static Metrics instance() {
        return INSTANCE;
    }

    private static Metrics create() {
        MetricsFactory.setMetricsProvider(() -> new EmfMetrics(System.out, Clock.systemUTC()));
        Metrics metrics = MetricsFactory.getMetricsInstance();
        // Lambda sets POWERTOOLS_METRICS_NAMESPACE from template.yaml; the local stack and tests
        // run without it, and no metric line may go out without a namespace.
        if (System.getenv("POWERTOOLS_METRICS_NAMESPACE") == null) {
            metrics.setNamespace("microcred");
        }
        return metrics;
    }
}
