package org.microcred.organizations.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.emulators.junit.StreamEvents;
import org.microcred.emulators.junit.TableStream;
import org.microcred.emulators.junit.TestStack;
import org.microcred.organizations.OrganizationHandler;
import org.microcred.organizations.TestOrganizationHandlers;
import org.microcred.organizations.roster.RosterImportHandler;
import org.microcred.organizations.support.InMemoryUserAccounts;
import org.microcred.records.organizations.EligibilityMode;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.core.Page;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * OrganizationFunction and RosterImportFunction as template.yaml configures them, against this
 * class's tables and bucket, with in-memory user accounts; and the table's real stream, fed to
 * RosterImportHandler one record per batch (the template's BatchSize).
 */
public final class RosterFixture {
    public final TestStack stack;
    public final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    public final OrganizationHandler api;
    public final RosterImportHandler importFunction;
    public final TableStream stream;
    /** Every import record delivered so far, for replays. */
    public final List<DynamodbEvent.DynamodbStreamRecord> delivered = new ArrayList<>();
    private final OrganizationsTable table;

    public RosterFixture(TestStack stack) {
        this.stack = stack;
        api = TestOrganizationHandlers.withAccounts(stack.environment("OrganizationFunction"), accounts);
        importFunction = new RosterImportHandler(RosterImportHandler.runner(stack.environment("RosterImportFunction"),
                accounts, Clock.systemUTC()));
        String tableName = stack.tableName("OrganizationsTable");
        table = new OrganizationsTable(stack.dynamoDb(), tableName);
        stream = new TableStream(stack.dynamoDb(), stack.emulators().dynamoDbStreams(), tableName);
    }

    public void organization(String organizationId) {
        String now = "2026-09-01T08:00:00Z";
        new OrganizationProfiles(table).create(new OrganizationProfile(organizationId, "District " + organizationId,
                "district", null, EligibilityMode.MEMBERS, List.of(), 5, "America/Chicago",
                List.of("MON", "TUE", "WED", "THU", "FRI"), null, 1, now, now));
    }

    public APIGatewayV2HTTPResponse call(RosterCall call) {
        return api.dispatch(call.event());
    }

    /**
     * Delivers the stream's new records to RosterImportHandler, one per invocation, until no
     * new ones come (each chunk's checkpoint is a new record).
     *
     * @return the invocations that had an import record to look at
     */
    public int runStream() {
        int invocations = 0;
        for (var fresh = stream.drain(); !fresh.isEmpty(); fresh = stream.drain()) {
            for (DynamodbEvent.DynamodbStreamRecord record : fresh) {
                String sk = record.getDynamodb().getKeys().get(OrganizationKeys.SK).getS();
                if (!sk.startsWith(OrganizationKeys.IMPORT_PREFIX)) {
                    continue;
                }
                delivered.add(record);
                invocations++;
                assertThat(importFunction.process(StreamEvents.batch(record)).getBatchItemFailures()).isEmpty();
            }
        }
        return invocations;
    }

    /** Every member of the organisation (all pages). */
    public List<Membership> members(String organizationId) {
        Members members = new Members(table);
        List<Membership> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Membership> page = members.list(organizationId, Optional.empty(), Optional.empty(),
                    Optional.empty(), cursor, 100);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    /** The raw import item, as the stream's images show it. */
    public Map<String, AttributeValue> importItem(String organizationId, String importId) {
        return stack.dynamoDb().getItem(r -> r.tableName(table.name()).consistentRead(true)
                .key(OrganizationKeys.rosterImport(organizationId, importId))).item();
    }

}
