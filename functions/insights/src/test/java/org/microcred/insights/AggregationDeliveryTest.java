package org.microcred.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.insights.support.Programme.ORG;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.ExpectedErrorLog;
import org.microcred.emulators.junit.StreamEvents;
import org.microcred.emulators.junit.TableStream;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.insights.aggregate.Aggregation;
import org.microcred.insights.support.Call;
import org.microcred.insights.support.Learning;
import org.microcred.insights.support.Programme;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How the aggregator copes with the ways Lambda delivers a stream: out of order across items,
 * the same record more than once in different batches, and a record that fails (the batch
 * answer names it; the retry from there applies the rest exactly once).
 */
@WithEmulators
class AggregationDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static TestStack stack;
    private static TableStream stream;
    private static Learning learning;
    private static InsightsAggregatorHandler aggregator;
    private static InsightsHandler reports;

    @BeforeAll
    static void start(TestStack testStack) {
        stack = testStack;
        stream = new TableStream(stack.dynamoDb(), stack.emulators().dynamoDbStreams(), stack.tableName("LearningTable"));
        learning = new Learning(stack.dynamoDb(), stack.tableName("LearningTable"));
        aggregator = new InsightsAggregatorHandler(stack.environment("InsightsAggregatorFunction"));
        reports = new InsightsHandler(stack.environment("InsightsFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shuffledBatchesWithDuplicates_giveTheHandCountedFigures() {
        Programme.catalogAndProfile(stack.dynamoDb(), stack.tableName("CatalogTable"), stack.tableName("OrganizationsTable"));
        Programme.enrolments(learning);
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(stream.drain());
        List<DynamodbEvent.DynamodbStreamRecord> delivery = new ArrayList<>(records);
        for (int i = 0; i < records.size(); i += 3) {
            delivery.add(records.get(i));
        }
        Collections.shuffle(delivery, new Random(7));

        for (int from = 0; from < delivery.size(); from += 7) {
            var batch = StreamEvents.batch(delivery.subList(from, Math.min(delivery.size(), from + 7)));
            assertThat(aggregator.aggregate(batch).getBatchItemFailures()).isEmpty();
        }

        JsonNode totals = report("microcredentials", ORG).path("totals");
        assertThat(totals.path("enrolled").asInt()).isEqualTo(10);
        assertThat(totals.path("active").asInt()).isEqualTo(6);
        assertThat(totals.path("submitted").asInt()).isEqualTo(9);
        assertThat(totals.path("mastered").asInt()).isEqualTo(4);
        assertThat(totals.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(totals.path("awaitingReview").asInt()).isEqualTo(2);
        assertThat(totals.path("decisions").asInt()).isEqualTo(7);
        assertThat(totals.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":11,\"p90\":49}");
        JsonNode coaches = report("coaches", ORG).path("coaches");
        assertThat(coaches).extracting(c -> c.path("openLearners").asInt()).containsExactly(3, 2);
        assertThat(report("credits", ORG).path("totalCreditHours").asDouble()).isEqualTo(9.0);
    }

    @Test
    void failingRecord_isNamedAndTheRetryAppliesEachRecordOnce() {
        String org = "org-hillside";
        Learning.Person coach = new Learning.Person("coach-hil", "Hal Hill", "hal@hillside.example");
        learning.enrol("hx-1", org, "mc-hill", "Hill", new Learning.Person("u-h1", "Ida", "ida@h.example"), coach,
                "2026-11-02T08:00:00.000Z");
        Map<String, AttributeValue> decision = Map.of("pk", AttributeValue.fromS("ENR#hx-ghost"),
                "sk", AttributeValue.fromS("ATTEMPT#0001#DECISION"), "enrollmentId", AttributeValue.fromS("hx-ghost"),
                "attempt", AttributeValue.fromN("1"), "outcome", AttributeValue.fromS("mastery"),
                "coachId", AttributeValue.fromS("coach-hil"), "decidedAt", AttributeValue.fromS("2026-11-03T08:00:00.000Z"),
                "timeToFeedbackSeconds", AttributeValue.fromN("7200"));
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("LearningTable")).item(decision));
        learning.enrol("hx-2", org, "mc-hill", "Hill", new Learning.Person("u-h2", "Jan", "jan@h.example"), coach,
                "2026-11-02T09:00:00.000Z");
        List<DynamodbEvent.DynamodbStreamRecord> batch = stream.drain();
        assertThat(batch).hasSize(3);

        StreamsEventResponse first;
        try (var expected = ExpectedErrorLog.from(Aggregation.class)) {
            first = aggregator.aggregate(StreamEvents.batch(batch));
        }

        assertThat(first.getBatchItemFailures()).singleElement().satisfies(failure ->
                assertThat(failure.getItemIdentifier()).isEqualTo(batch.get(1).getDynamodb().getSequenceNumber()));
        assertThat(report("microcredentials", org).path("totals").path("enrolled").asInt()).isEqualTo(1);

        // The enrolment the decision belongs to appears (its own INSERT is not delivered here).
        learning.enrol("hx-ghost", org, "mc-hill", "Hill", new Learning.Person("u-h3", "Kai", "kai@h.example"), coach,
                "2026-11-01T08:00:00.000Z");
        StreamsEventResponse retry = aggregator.aggregate(StreamEvents.batch(batch));

        assertThat(retry.getBatchItemFailures()).isEmpty();
        JsonNode totals = report("microcredentials", org).path("totals");
        assertThat(totals.path("enrolled").asInt()).isEqualTo(2);
        assertThat(totals.path("decisions").asInt()).isEqualTo(1);
        assertThat(totals.path("firstAttemptPassRate").asDouble()).isEqualTo(1.0);
        assertThat(totals.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":3,\"p90\":3}");
    }

    @Test
    void recordsOfOtherItems_areIgnored() {
        stream.drain();
        learning.email("hz-1#welcome");

        List<DynamodbEvent.DynamodbStreamRecord> records = stream.drain();
        StreamsEventResponse response = aggregator.aggregate(StreamEvents.batch(records));

        assertThat(records).hasSize(1);
        assertThat(response.getBatchItemFailures()).isEmpty();
        var marker = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("InsightsTable")).key(Map.of(
                "pk", AttributeValue.fromS("EVENT#" + records.get(0).getEventID()), "sk", AttributeValue.fromS("EVENT"))));
        assertThat(marker.hasItem()).isFalse();
    }

    private static JsonNode report(String report, String org) {
        APIGatewayV2HTTPResponse response = reports.dispatch(Call.report(report, org).asAdminOf(org)
                .range("2026-11-01", "2026-11-30").event());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
