package org.microcred.organizations.roster;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.organizations.service.MemberDirectory;
import org.microcred.records.learning.CoachedEnrollments;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.metrics.FunctionMetrics;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * RosterImportFunction: imports uploaded rosters from the OrganizationsTable stream, one chunk
 * of rows per import record. Answers with {@code ReportBatchItemFailures} naming the first
 * record that failed (Lambda resumes the shard there); a record it sees again is skipped, since
 * its version is no longer the import's.
 */
public class RosterImportHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /**
     * Importing a row never reads a coach's enrolments (only the members routes show those), so
     * this function has no LearningTable (nor a policy for one); the directory is given none.
     */
    private static final String NO_LEARNING_TABLE = "";
    private static final Logger LOG = LoggerFactory.getLogger(RosterImportHandler.class);
    private static final Metrics METRICS = FunctionMetrics.instance();

    private final RosterImportRunner runner;

    /** Used by AWS Lambda. */
    public RosterImportHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public RosterImportHandler(FunctionEnvironment environment) {
        this(runner(environment, CognitoUserAccounts.from(environment), Clock.systemUTC()));
        Priming.register(this, RosterImportHandler::prime);
    }

    public RosterImportHandler(RosterImportRunner runner) {
        this.runner = runner;
    }

    /** Wires the real stores around the given accounts; public so tests can give in-memory accounts. */
    public static RosterImportRunner runner(FunctionEnvironment environment, UserAccounts accounts, Clock clock) {
        RosterConfig config = RosterConfig.from(environment);
        OrganizationsTable table = OrganizationsTable.forEnvironment(environment, config.organizationsTable());
        MemberDirectory directory = new MemberDirectory(new OrganizationProfiles(table), new Members(table), accounts,
                CoachedEnrollments.forEnvironment(environment, NO_LEARNING_TABLE), clock);
        return RosterImportRunner.create(table, directory, RosterFiles.forEnvironment(environment,
                config.rosterBucket()), clock);
    }

    /**
     * SnapStart priming: an import that does not exist, moved on by the runner (one GetItem, then
     * skipped), without the metrics, which would count it with the first real batch.
     */
    private String prime() {
        String importId = "imp-" + "0".repeat(24);
        return "import " + importId + " -> " + runner.advance(PrimingRequest.ID, importId, 1);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                METRICS.captureColdStartMetric(context);
                return process(event);
            } finally {
                METRICS.flush();
            }
        });
    }

    /** The batch without the Lambda context; visible for tests. */
    public StreamsEventResponse process(DynamodbEvent event) {
        Map<RosterImportRunner.Step, Integer> steps = new EnumMap<>(RosterImportRunner.Step.class);
        Optional<String> retryFrom = Optional.empty();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            Optional<RosterImportChange> change = RosterImportChange.of(record);
            if (change.isEmpty()) {
                continue;
            }
            RosterImportChange found = change.get();
            try {
                steps.merge(runner.advance(found.organizationId(), found.importId(), found.version()), 1, Integer::sum);
            } catch (RuntimeException e) {
                // Nothing of the chunk was checkpointed: the retry does it again (upserts are idempotent).
                LOG.error("Roster import {} of {} failed at version {}; the record will be retried", found.importId(),
                        found.organizationId(), found.version(), e);
                retryFrom = Optional.of(found.sequenceNumber());
                break;
            }
        }
        for (RosterImportRunner.Step step : RosterImportRunner.Step.values()) {
            METRICS.addMetric("RosterImport" + pascal(step), steps.getOrDefault(step, 0), MetricUnit.COUNT);
        }
        METRICS.addMetric("RosterImportFailures", retryFrom.isPresent() ? 1 : 0, MetricUnit.COUNT);
        return new StreamsEventResponse(retryFrom
                .map(sequence -> List.of(new StreamsEventResponse.BatchItemFailure(sequence)))
                .orElse(List.of()));
    }

    private static String pascal(RosterImportRunner.Step step) {
        String name = step.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
