package org.microcred.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.insights.support.Programme.FEEDBACK;
import static org.microcred.insights.support.Programme.FEEDBACK_TITLE;
import static org.microcred.insights.support.Programme.ORG;
import static org.microcred.insights.support.Programme.ROTATION;
import static org.microcred.insights.support.Programme.ROTATION_TITLE;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.microcred.emulators.junit.StreamEvents;
import org.microcred.emulators.junit.TableStream;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.insights.support.Call;
import org.microcred.insights.support.Learning.Person;
import org.microcred.insights.support.Learning;
import org.microcred.insights.support.Programme;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The credits report over finished months, which it keeps as snapshots, against a hand count.
 * "Now" is 2026-11-23; credits (Station Rotation 3 h, Feedback 1.5 h):
 *
 * <pre>
 *   Maya  rotation  2026-08-20 10:00     Maya  feedback  2026-09-03 12:00
 *   Sam   rotation  2026-09-15 09:00     Eve   feedback  2026-09-30 23:30 (last half hour of September)
 *   Kim   rotation  2026-10-01 00:10     Jo    feedback  2026-11-05 09:00 (this month: never a snapshot)
 *   Lee   rotation  asked to revise on 2026-09-16: no credit
 * </pre>
 *
 * The tests run in order: the first report takes the snapshots (and keeps the months in memory)
 * that the later ones use.
 */
@WithEmulators
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Person MAYA = Programme.MAYA;
    private static final Person SAM = Programme.SAM;
    private static final Person EVE = Programme.EVE;
    private static final Person KIM = new Person("u-kim", "Kim Tran", "kim@riverbend.example");
    private static final Person JO = new Person("u-jo", "Jo Park", "jo@riverbend.example");
    private static final Person LEE = new Person("u-lee", "Lee Chen", "lee@riverbend.example");
    private static final Person BEN = new Person("u-ben", "Ben Ode", "ben.ode@riverbend.example");
    private static TestStack stack;
    private static Learning learning;
    private static TableStream stream;
    private static InsightsAggregatorHandler aggregator;
    private static InsightsHandler reports;

    @BeforeAll
    static void aggregateTheFixture(TestStack testStack) {
        stack = testStack;
        Programme.catalogAndProfile(stack.dynamoDb(), stack.tableName("CatalogTable"), stack.tableName("OrganizationsTable"));
        learning = new Learning(stack.dynamoDb(), stack.tableName("LearningTable"));
        master("c-1", ROTATION, MAYA, "2026-08-20T10:00:00.000Z");
        master("c-2", FEEDBACK, MAYA, "2026-09-03T12:00:00.000Z");
        master("c-3", ROTATION, SAM, "2026-09-15T09:00:00.000Z");
        master("c-4", FEEDBACK, EVE, "2026-09-30T23:30:00.000Z");
        master("c-5", ROTATION, KIM, "2026-10-01T00:10:00.000Z");
        master("c-6", FEEDBACK, JO, "2026-11-05T09:00:00.000Z");
        learning.enrol("c-7", ORG, ROTATION, ROTATION_TITLE, LEE, Programme.ANA, "2026-09-01T08:00:00.000Z")
                .submit("2026-09-15T08:00:00.000Z").decide("2026-09-16T08:00:00.000Z", false);
        stream = new TableStream(stack.dynamoDb(), stack.emulators().dynamoDbStreams(), stack.tableName("LearningTable"));
        aggregator = new InsightsAggregatorHandler(stack.environment("InsightsAggregatorFunction"));
        aggregateNewRecords();
        reports = new InsightsHandler(stack.environment("InsightsFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @Order(1)
    void creditsSinceAugust_matchTheHandCount_andFinishedMonthsAreKept() {
        JsonNode report = json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-08-01", "2026-11-23"));

        assertThat(report.path("totalCreditHours").asDouble()).isEqualTo(13.5);
        JsonNode educators = report.path("educators");
        assertThat(educators).extracting(e -> e.path("name").asText())
                .containsExactly("Eve Adams", "Jo Park", "Kim Tran", "Maya Lopez", "Sam Okafor");
        JsonNode maya = educators.get(3);
        assertThat(maya.path("totalCreditHours").asDouble()).isEqualTo(4.5);
        assertThat(maya.path("credentials")).extracting(c -> c.path("masteredAt").asText())
                .containsExactly("2026-08-20T10:00:00.000Z", "2026-09-03T12:00:00.000Z");
        assertThat(maya.path("credentials").get(1).path("title").asText()).isEqualTo(FEEDBACK_TITLE);
        assertThat(maya.path("credentials").get(1).path("creditHours").asDouble()).isEqualTo(1.5);
        assertThat(snapshots()).containsOnlyKeys("2026-08#00", "2026-09#00", "2026-10#00");
        assertThat(snapshots().get("2026-09#00").get("credits").n()).isEqualTo("3");
    }

    @Test
    @Order(2)
    void finishedMonths_areReadFromTheirSnapshots_evenByAFunctionJustStarted() {
        Call year = Call.report("credits", ORG).asAdminOf(ORG).range("2026-08-01", "2026-11-23").query("format", "csv");
        String before = call(year).getBody();
        InsightsHandler cold = new InsightsHandler(stack.environment("InsightsFunction"), Clock.fixed(NOW, ZoneOffset.UTC));

        // Behind the aggregator's back, for this test only: an item read one by one would be missing.
        withoutItem(Map.of("pk", AttributeValue.fromS("ORG#" + ORG + "#CREDITS"),
                "sk", AttributeValue.fromS("2026-09-15T09:00:00.000Z#" + SAM.id() + "#" + ROTATION)), () ->
                assertThat(cold.dispatch(year.event()).getBody()).isEqualTo(before).contains("u-sam,Sam Okafor"));
    }

    @Test
    @Order(3)
    void aWarmFunction_reusesTheFinishedMonthsItHasRead() {
        Call year = Call.report("credits", ORG).asAdminOf(ORG).range("2026-08-01", "2026-11-23");
        String before = call(year).getBody();

        withoutItem(Map.of("pk", AttributeValue.fromS("ORG#" + ORG + "#CREDITS#MONTH"),
                "sk", AttributeValue.fromS("2026-09#00")), () -> assertThat(call(year).getBody()).isEqualTo(before));
    }

    @Test
    @Order(4)
    void aPeriodEndingMidMonth_takesOnlyItsDays_fromTheSnapshots() {
        JsonNode report = json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-09-10", "2026-10-15"));

        assertThat(report.path("totalCreditHours").asDouble()).isEqualTo(7.5);
        assertThat(report.path("educators")).extracting(e -> e.path("name").asText())
                .containsExactly("Eve Adams", "Kim Tran", "Sam Okafor");
        assertThat(json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-10-01", "2026-10-01"))
                .path("educators")).extracting(e -> e.path("learnerId").asText()).containsExactly(KIM.id());
        assertThat(json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-09-30", "2026-09-30"))
                .path("educators")).extracting(e -> e.path("learnerId").asText()).containsExactly(EVE.id());
    }

    @Test
    @Order(5)
    void aMasteryAggregatedAfterItsMonthWasKept_showsAtOnce_andTheMonthIsKeptAgain() {
        master("c-8", ROTATION, BEN, "2026-09-20T14:00:00.000Z");
        aggregateNewRecords();

        JsonNode report = json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-09-01", "2026-09-30"));

        assertThat(report.path("educators")).extracting(e -> e.path("learnerId").asText())
                .containsExactly(BEN.id(), EVE.id(), MAYA.id(), SAM.id());
        assertThat(report.path("totalCreditHours").asDouble()).isEqualTo(9.0);
        assertThat(snapshots().get("2026-09#00").get("credits").n()).isEqualTo("4");
    }

    private static void master(String enrollmentId, String microCredentialId, Person learner, String at) {
        String title = microCredentialId.equals(ROTATION) ? ROTATION_TITLE : FEEDBACK_TITLE;
        Instant mastered = Instant.parse(at);
        learning.enrol(enrollmentId, ORG, microCredentialId, title, learner, Programme.ANA,
                        mastered.minusSeconds(5 * 86_400).toString())
                .submit(mastered.minusSeconds(3_600).toString()).decide(at, true);
    }

    /** Runs {@code check} while the insights item with this key is gone, then puts it back. */
    private static void withoutItem(Map<String, AttributeValue> key, Runnable check) {
        String table = stack.tableName("InsightsTable");
        Map<String, AttributeValue> item = stack.dynamoDb().deleteItem(r -> r.tableName(table).key(key)
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        assertThat(item).isNotEmpty();
        try {
            check.run();
        } finally {
            stack.dynamoDb().putItem(r -> r.tableName(table).item(item));
        }
    }

    private static void aggregateNewRecords() {
        assertThat(aggregator.aggregate(StreamEvents.batch(stream.drain())).getBatchItemFailures()).isEmpty();
    }

    /** The snapshot items by sort key. */
    private static Map<String, Map<String, AttributeValue>> snapshots() {
        List<Map<String, AttributeValue>> items = stack.dynamoDb().query(r -> r.tableName(stack.tableName("InsightsTable"))
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("ORG#" + ORG + "#CREDITS#MONTH")))).items();
        return items.stream().collect(java.util.stream.Collectors.toMap(item -> item.get("sk").s(), item -> item));
    }

    private static JsonNode json(Call call) {
        APIGatewayV2HTTPResponse response = call(call);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private static APIGatewayV2HTTPResponse call(Call call) {
        return reports.dispatch(call.event());
    }
}
