package org.microcred.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.microcred.notification.mail.SesMailer;
import org.microcred.notification.model.Delivery;
import org.microcred.notification.model.DispatchReport;
import org.microcred.notification.model.OutboxArrival;
import org.microcred.notification.service.OutboxDispatcher;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.OutboxItems;
import org.microcred.records.learning.OutboxStore;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.metrics.FunctionMetrics;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingEvents;
import org.microcred.shared.snapstart.PrimingRequest;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * NotificationFunction: sends the outbox emails that arrive on the learning table's stream.
 * It answers with {@code ReportBatchItemFailures}: the sequence number of the first email that
 * failed and should be retried (Lambda resumes the shard from the lowest reported number, so
 * naming the later, unattempted records too would add nothing). Every outcome is counted as an
 * EMF metric, zeros included, so alarms see "none" rather than missing data.
 */
public class NotificationHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Metrics METRICS = FunctionMetrics.instance();

    private final OutboxDispatcher dispatcher;

    /** Used by AWS Lambda. */
    public NotificationHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public NotificationHandler(FunctionEnvironment environment) {
        this(dispatcher(NotificationConfig.from(environment), environment));
        Priming.register(this, NotificationHandler::prime);
    }

    public NotificationHandler(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    private static OutboxDispatcher dispatcher(NotificationConfig config, FunctionEnvironment environment) {
        return new OutboxDispatcher(OutboxStore.forEnvironment(environment, config.learningTable()),
                new SesMailer(SesMailer.client(environment), config.mailFrom()), Clock.systemUTC());
    }

    /**
     * SnapStart priming: the stream record of an outbox email that is no longer there, through the
     * dispatcher (one Query; nothing sent, nothing written) but not the metrics, which would
     * count it with the first real batch; and an email item's compressed bodies read back, which
     * that record never reaches.
     */
    private String prime() {
        OutboxItems.prime();
        DispatchReport report = dispatcher.dispatch(OutboxArrivals.in(PrimingEvents.insert(Map.of(
                LearningKeys.PK, LearningKeys.outboxPartition(PrimingRequest.ID), LearningKeys.SK, "EMAIL"))));
        return "outbox email " + PrimingRequest.ID + " -> " + report.deliveries();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                METRICS.captureColdStartMetric(context);
                return respond(dispatch(event));
            } finally {
                METRICS.flush();
            }
        });
    }

    private DispatchReport dispatch(DynamodbEvent event) {
        List<OutboxArrival> arrivals = OutboxArrivals.in(event);
        DispatchReport report = dispatcher.dispatch(arrivals);
        for (Delivery outcome : Delivery.values()) {
            METRICS.addMetric(outcome.metricName(), report.count(outcome), MetricUnit.COUNT);
        }
        // The failed email and the ones after it, which the retry will carry again.
        METRICS.addMetric("EmailsAwaitingRetry", arrivals.size() - report.deliveries().size(), MetricUnit.COUNT);
        return report;
    }

    private static StreamsEventResponse respond(DispatchReport report) {
        List<StreamsEventResponse.BatchItemFailure> failures = report.retryFrom()
                .map(sequenceNumber -> List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .orElse(List.of());
        return new StreamsEventResponse(failures);
    }
}
