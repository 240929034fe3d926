package org.microcred.shared.metrics;

import java.util.List;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** A metric's unit and resolution, and every value added to it before the next flush. */
record EmfMetric(MetricUnit unit, MetricResolution resolution, List<Double> values) {
}
