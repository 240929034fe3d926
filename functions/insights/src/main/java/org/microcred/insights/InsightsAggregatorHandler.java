package org.microcred.insights;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.insights.aggregate.Aggregation;
import org.microcred.insights.store.CatalogLookup;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.insights.AggregateWriter;
import org.microcred.records.insights.FactDeriver;
import org.microcred.records.insights.Lookups;
import org.microcred.records.insights.StreamChange;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.LearningLookup;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.metrics.FunctionMetrics;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingEvents;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * InsightsAggregatorFunction: keeps the report aggregates up to date from the learning table's
 * stream. Answers with {@code ReportBatchItemFailures} naming the first record that failed
 * (Lambda resumes the shard there); every record is applied at most once thanks to its marker.
 */
public class InsightsAggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Metrics METRICS = FunctionMetrics.instance();

    private final Aggregation aggregation;

    /** Used by AWS Lambda. */
    public InsightsAggregatorHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public InsightsAggregatorHandler(FunctionEnvironment environment) {
        this(environment, InsightsConfig.forAggregator(environment));
    }

    private InsightsAggregatorHandler(FunctionEnvironment environment, InsightsConfig config) {
        this(environment, config, LearningLookup.forEnvironment(environment, config.learningTable()));
    }

    /** The aggregation and the priming share one lookup of the learning table. */
    private InsightsAggregatorHandler(FunctionEnvironment environment, InsightsConfig config, LearningLookup learning) {
        this(aggregation(config, learning, environment, Clock.systemUTC()));
        Priming.register(this, handler -> handler.prime(learning));
    }

    public InsightsAggregatorHandler(Aggregation aggregation) {
        this.aggregation = aggregation;
    }

    private static Aggregation aggregation(InsightsConfig config, LearningLookup learning, FunctionEnvironment environment,
                                           Clock clock) {
        CatalogLookup catalog = new CatalogLookup(
                PublishedCatalog.forEnvironment(environment, config.catalogTable()), clock);
        Lookups lookups = new Lookups() {
            @Override
            public Optional<EnrollmentRef> enrollment(String enrollmentId) {
                return learning.enrollment(enrollmentId)
                        .map(owner -> new EnrollmentRef(owner.organizationId(), owner.microCredentialId()));
            }

            @Override
            public Optional<Double> creditHours(String microCredentialId, long version) {
                return catalog.creditHours(microCredentialId, version);
            }
        };
        return new Aggregation(new FactDeriver(lookups), AggregateWriter.forEnvironment(environment,
                config.insightsTable()), clock);
    }

    /**
     * SnapStart priming: a stream record of an enrolment's item the aggregation ignores (parsing and
     * derivation, no write), and the lookup a decision makes, of an enrolment that does not exist
     * (one GetItem); not the metrics, which would count it with the first real batch.
     */
    private String prime(LearningLookup enrolments) {
        String enrollmentId = "enr-snapstartpriming0000";
        Aggregation.Outcome outcome = aggregation.apply(List.of(StreamChange.of(PrimingEvents.insert(Map.of(
                "pk", LearningKeys.enrollmentPartition(enrollmentId), "sk", "PRIMING")).getRecords().get(0))));
        return "record of " + enrollmentId + " -> " + outcome.ignored() + " ignored; its enrolment -> "
                + enrolments.enrollment(enrollmentId).map(found -> "found").orElse("none");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                METRICS.captureColdStartMetric(context);
                return aggregate(event);
            } finally {
                METRICS.flush();
            }
        });
    }

    /** The batch without the Lambda context; visible for tests and benchmarks. */
    public StreamsEventResponse aggregate(DynamodbEvent event) {
        List<StreamChange> changes = event == null || event.getRecords() == null ? List.of()
                : event.getRecords().stream().map(StreamChange::of).toList();
        Aggregation.Outcome outcome = aggregation.apply(changes);
        METRICS.addMetric("AggregatedRecords", outcome.applied(), MetricUnit.COUNT);
        METRICS.addMetric("ReplayedRecords", outcome.replayed(), MetricUnit.COUNT);
        METRICS.addMetric("AggregationFailures", outcome.retryFrom().isPresent() ? 1 : 0, MetricUnit.COUNT);
        List<StreamsEventResponse.BatchItemFailure> failures = outcome.retryFrom()
                .map(sequence -> List.of(new StreamsEventResponse.BatchItemFailure(sequence)))
                .orElse(List.of());
        return new StreamsEventResponse(failures);
    }
}
