package org.microcred.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.insights.support.Programme.ORG;
import static org.microcred.insights.support.Programme.ROTATION;
import static org.microcred.insights.support.Programme.ROTATION_TITLE;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.StreamEvents;
import org.microcred.emulators.junit.TableStream;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.insights.support.Call;
import org.microcred.insights.support.Learning;
import org.microcred.insights.support.Programme;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every micro-credential the organisation offers has its row, enrolled in or not: the catalog's
 * drafts (index ByAuthor) say which are published. Draft-only and retired ones nobody enrolled in
 * are not offerings; another organisation's never show.
 */
@WithEmulators
class OfferingsReportTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String QUIET = "mc-quiet-start";
    private static InsightsHandler reports;

    @BeforeAll
    static void aProgrammeWithAnOfferingNobodyEnrolledIn(TestStack stack) {
        DynamoDbClient dynamoDb = stack.dynamoDb();
        String catalog = stack.tableName("CatalogTable");
        Programme.catalogAndProfile(dynamoDb, catalog, stack.tableName("OrganizationsTable"));
        draft(dynamoDb, catalog, ROTATION, ORG, "published", ROTATION_TITLE);
        draft(dynamoDb, catalog, QUIET, ORG, "published", "Quiet Start (draft title)");
        card(dynamoDb, catalog, QUIET, "Quiet Start", "Assessment");
        draft(dynamoDb, catalog, "mc-unpublished", ORG, "draft", "Not yet published");
        draft(dynamoDb, catalog, "mc-retired-unused", ORG, "retired", "Retired, never used");
        draft(dynamoDb, catalog, "mc-elsewhere", "org-lakeshore", "published", "Lakeshore's own");
        Learning learning = new Learning(dynamoDb, stack.tableName("LearningTable"));
        learning.enrol("rot-1", ORG, ROTATION, ROTATION_TITLE, Programme.MAYA, Programme.ANA, "2026-11-02T08:00:00.000Z");
        InsightsAggregatorHandler aggregator = new InsightsAggregatorHandler(stack.environment("InsightsAggregatorFunction"));
        assertThat(aggregator.aggregate(StreamEvents.batch(new TableStream(dynamoDb, stack.emulators().dynamoDbStreams(),
                stack.tableName("LearningTable")).drain())).getBatchItemFailures()).isEmpty();
        reports = new InsightsHandler(stack.environment("InsightsFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The draft item as the catalog writes it: on ByAuthor through authorOrganizationId. */
    private static void draft(DynamoDbClient dynamoDb, String table, String id, String org, String status, String title) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("MC#" + id), "sk", s("DRAFT"), "id", s(id),
                "organizationId", s(org), "authorOrganizationId", s(org), "status", s(status), "title", s(title),
                "updatedAt", s("2026-10-01T00:00:00.000Z"), "createdAt", s("2026-09-01T00:00:00.000Z"),
                "revision", AttributeValue.fromN("3")));
        item.put("latestVersion", AttributeValue.fromN(status.equals("draft") ? "0" : "1"));
        item.put("publishedRevision", AttributeValue.fromN(status.equals("draft") ? "0" : "2"));
        item.put("document", s("{\"title\":\"" + title + "\"}"));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    private static void card(DynamoDbClient dynamoDb, String table, String id, String title, String collection) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", s("MC#" + id), "sk", s("CARD"), "id", s(id),
                "feed", s("CATALOG"), "changedAt", AttributeValue.fromN("2"), "status", s("published"),
                "title", s(title), "collection", s(collection), "creditHours", AttributeValue.fromN("2"))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static APIGatewayV2HTTPResponse get(Call call) {
        APIGatewayV2HTTPResponse response = reports.dispatch(call.event());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    private static JsonNode json(Call call) {
        try {
            return Json.mapper().readTree(get(call).getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void microCredentialReport_hasARowOfZerosForAPublishedOfferingNobodyEnrolledIn() {
        JsonNode report = json(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"));

        JsonNode rows = report.path("microCredentials");
        assertThat(rows).extracting(row -> row.path("microCredentialId").asText()).containsExactly(QUIET, ROTATION);
        JsonNode quiet = rows.get(0);
        assertThat(quiet.path("title").asText()).isEqualTo("Quiet Start");
        assertThat(quiet.path("collection").asText()).isEqualTo("Assessment");
        assertThat(quiet.path("creditHours").asDouble()).isEqualTo(2.0);
        for (String figure : new String[] {"enrolled", "active", "submitted", "mastered", "withdrawn", "awaitingReview",
                "reviewsOverdue", "decisions"}) {
            assertThat(quiet.path(figure).asLong()).as(figure).isZero();
        }
        assertThat(quiet.path("firstAttemptPassRate").isNumber()).as("no rate without decisions").isFalse();
        assertThat(report.path("totals").path("enrolled").asInt()).isEqualTo(1);
    }

    @Test
    void microCredentialCsv_hasTheOfferingsLineToo() {
        String csv = get(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30")
                .query("format", "csv")).getBody();

        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).startsWith(QUIET + ",Quiet Start,Assessment,2")
                .contains(",0,0,0,0,0,0,0,0,"));
        assertThat(csv).doesNotContain("mc-unpublished", "mc-retired-unused", "mc-elsewhere");
    }

    @Test
    void collectionReport_countsTheOfferingInItsCollection() {
        JsonNode rows = json(Call.report("collections", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"))
                .path("collections");

        assertThat(rows).extracting(row -> row.path("collection").asText()).containsExactly("Assessment",
                "Blended Learning");
        assertThat(rows.get(0).path("microCredentialIds").toString()).isEqualTo("[\"" + QUIET + "\"]");
        assertThat(rows.get(0).path("enrolled").asInt()).isZero();
    }

    @Test
    void anotherOrganisationsOfferings_neverShow() {
        String body = get(Call.report("microcredentials", "org-lakeshore").asAdminOf("org-lakeshore")
                .range("2026-11-01", "2026-11-30")).getBody();

        assertThat(body).contains("mc-elsewhere").doesNotContain(QUIET, ROTATION);
    }
}
