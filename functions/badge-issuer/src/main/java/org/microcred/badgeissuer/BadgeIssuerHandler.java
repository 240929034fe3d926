package org.microcred.badgeissuer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.badgeissuer.model.Award;
import org.microcred.badgeissuer.service.AwardIncompleteException;
import org.microcred.badgeissuer.service.BadgeIssuance;
import org.microcred.badgeissuer.service.EmbeddedProofs;
import org.microcred.badgeissuer.signing.ProofKeys;
import org.microcred.badgeissuer.signing.Signers;
import org.microcred.badgeissuer.store.AwardStore;
import org.microcred.dataintegrity.EddsaRdfc2022;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.BadgesTable;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.OutboxWriter;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.metrics.FunctionMetrics;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * BadgeIssuerFunction: issues the Open Badges 3.0 credential for every mastery decision that
 * arrives on the learning table's stream. Awards are handled in stream order; the first one that
 * cannot be issued (a transient error, or data not readable yet) is reported with
 * {@code ReportBatchItemFailures}, so Lambda retries from it and, after the retries, sends it to
 * the dead-letter queue. Issuance is idempotent, so the retried awards before it cost one read.
 */
public class BadgeIssuerHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(BadgeIssuerHandler.class);
    private static final Metrics METRICS = FunctionMetrics.instance();

    /** Shaped like an enrolment id; no enrolment has it. */
    private static final String PRIMING_ENROLLMENT = "enr-snapstartpriming0000";

    private final BadgeIssuance issuance;

    /** Used by AWS Lambda. */
    public BadgeIssuerHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public BadgeIssuerHandler(FunctionEnvironment environment) {
        this(issuance(BadgeIssuerConfig.from(environment), environment));
        Priming.register(this, BadgeIssuerHandler::prime);
    }

    public BadgeIssuerHandler(BadgeIssuance issuance) {
        this.issuance = issuance;
    }

    private static BadgeIssuance issuance(BadgeIssuerConfig config, FunctionEnvironment environment) {
        BadgeUrls urls = new BadgeUrls(config.apiUrl());
        return new BadgeIssuance(AwardStore.forEnvironment(environment, config.learningTable(),
                config.catalogTable(), config.organizationsTable()), new BadgeRecords(BadgesTable.forEnvironment(
                environment, config.badgesTable()), OutboxWriter.forEnvironment(environment, config.learningTable())),
                Signers.forEnvironment(environment), new EmbeddedProofs(new EddsaRdfc2022(),
                ProofKeys.forEnvironment(environment), urls), urls, Clock.systemUTC());
    }

    /**
     * SnapStart priming: a mastery decision for an enrolment that does not exist, through the
     * stream parsing and the issuance's reads (is there a badge, the enrolment), which stop at
     * the missing enrolment. Nothing is signed: a signature over made-up content is not something
     * the issuer's keys should ever produce (the signers fetched their public keys at init).
     */
    private String prime() {
        Award award = MasteryAwards.award(MasteryAwards.records(PrimingEvents.insert(Map.of(
                "pk", LearningKeys.enrollmentPartition(PRIMING_ENROLLMENT), "sk", LearningKeys.decisionSortKey(1), "outcome", "mastery",
                "decidedAt", "2026-01-01T00:00:00.000Z", "decision", "{\"scores\":[]}"))).get(0)).orElseThrow();
        try {
            return "mastery of " + award.enrollmentId() + " -> " + issuance.issue(award);
        } catch (AwardIncompleteException expected) {
            return "mastery of " + award.enrollmentId() + " -> " + expected.getMessage();
        }
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                METRICS.captureColdStartMetric(context);
                return issueAll(MasteryAwards.records(event));
            } finally {
                METRICS.flush();
            }
        });
    }

    private StreamsEventResponse issueAll(List<DynamodbEvent.DynamodbStreamRecord> records) {
        int issued = 0;
        int already = 0;
        try {
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                try {
                    Optional<Award> award = MasteryAwards.award(record);
                    if (award.isEmpty()) {
                        continue;
                    }
                    if (issuance.issue(award.get()) == BadgeIssuance.Outcome.ISSUED) {
                        issued++;
                    } else {
                        already++;
                    }
                } catch (RuntimeException e) {
                    String sequenceNumber = record.getDynamodb() == null ? null
                            : record.getDynamodb().getSequenceNumber();
                    LOG.error("Could not issue the badge of stream record {}; retrying from it", sequenceNumber, e);
                    METRICS.addMetric("BadgesAwaitingRetry", 1, MetricUnit.COUNT);
                    return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
                }
            }
            METRICS.addMetric("BadgesAwaitingRetry", 0, MetricUnit.COUNT);
            return new StreamsEventResponse(List.of());
        } finally {
            METRICS.addMetric("BadgesIssued", issued, MetricUnit.COUNT);
            METRICS.addMetric("BadgesAlreadyIssued", already, MetricUnit.COUNT);
        }
    }
}
