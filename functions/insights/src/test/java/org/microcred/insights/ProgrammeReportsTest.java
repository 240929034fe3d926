package org.microcred.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.insights.support.Programme.FEEDBACK;
import static org.microcred.insights.support.Programme.ORG;
import static org.microcred.insights.support.Programme.ROTATION;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

/**
 * The reports against the hand-counted fixture ({@link Programme}): the learning table's real
 * stream records go through the aggregator once, then every figure is compared with the count
 * done by hand. "Now" is Monday 2026-11-23 12:00 UTC; the review target is 2 business days, so
 * submissions before Thursday 2026-11-19 12:00 are overdue.
 */
@WithEmulators
class ProgrammeReportsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static InsightsHandler reports;
    private static InsightsAggregatorHandler aggregator;
    private static DynamodbEvent everything;

    @BeforeAll
    static void aggregateTheFixture(TestStack stack) {
        Programme.catalogAndProfile(stack.dynamoDb(), stack.tableName("CatalogTable"), stack.tableName("OrganizationsTable"));
        Learning learning = new Learning(stack.dynamoDb(), stack.tableName("LearningTable"));
        Programme.enrolments(learning);
        Programme.otherOrganisation(learning);
        everything = StreamEvents.batch(new TableStream(stack.dynamoDb(), stack.emulators().dynamoDbStreams(),
                stack.tableName("LearningTable")).drain());
        aggregator = new InsightsAggregatorHandler(stack.environment("InsightsAggregatorFunction"));
        assertThat(aggregator.aggregate(everything).getBatchItemFailures()).isEmpty();
        reports = new InsightsHandler(stack.environment("InsightsFunction"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void microCredentialReport_matchesTheHandCount() {
        JsonNode report = json(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"));

        assertThat(report.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(report.path("reviewTargetBusinessDays").asInt()).isEqualTo(2);
        JsonNode rows = report.path("microCredentials");
        assertThat(rows).extracting(row -> row.path("microCredentialId").asText()).containsExactly(FEEDBACK, ROTATION);
        JsonNode rotation = rows.get(1);
        assertThat(rotation.path("title").asText()).isEqualTo("Station Rotation");
        assertThat(rotation.path("collection").asText()).isEqualTo("Blended Learning");
        assertThat(rotation.path("creditHours").asDouble()).isEqualTo(3.0);
        assertFigures(rotation, 6, 3, 6, 2, 1, 2, 1, 4, 0.5, 0.5);
        assertThat(rotation.path("attemptsToMastery").path("median").asInt()).isEqualTo(1);
        assertThat(rotation.path("attemptsToMastery").path("distribution").toString()).isEqualTo("{\"1\":1,\"3\":1}");
        assertThat(rotation.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":11,\"p90\":25}");

        JsonNode feedback = rows.get(0);
        assertFigures(feedback, 4, 3, 3, 2, 0, 0, 0, 3, 0.667, 0.667);
        assertThat(feedback.path("attemptsToMastery").path("distribution").toString()).isEqualTo("{\"1\":2}");
        assertThat(feedback.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":7,\"p90\":49}");

        JsonNode totals = report.path("totals");
        assertFigures(totals, 10, 6, 9, 4, 1, 2, 1, 7, 0.6, 0.571);
        assertThat(totals.path("attemptsToMastery").toString()).isEqualTo("{\"median\":1,\"distribution\":{\"1\":3,\"3\":1}}");
        assertThat(totals.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":11,\"p90\":49}");
    }

    @Test
    void reports_neverShowEvidenceOrFeedbackText() {
        for (String report : List.of("microcredentials", "collections", "coaches", "credits")) {
            String body = call(Call.report(report, ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody();
            assertThat(body).doesNotContain("Evidence text").doesNotContain("Lesson plan").doesNotContain("art-1");
        }
    }

    @Test
    void collectionReport_sumsItsMicroCredentials() {
        JsonNode report = json(Call.report("collections", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"));

        JsonNode rows = report.path("collections");
        assertThat(rows).extracting(row -> row.path("collection").asText()).containsExactly("Assessment", "Blended Learning");
        assertThat(rows.get(1).path("microCredentialIds").toString()).isEqualTo("[\"" + ROTATION + "\"]");
        assertFigures(rows.get(1), 6, 3, 6, 2, 1, 2, 1, 4, 0.5, 0.5);
        assertFigures(rows.get(0), 4, 3, 3, 2, 0, 0, 0, 3, 0.667, 0.667);
        assertFigures(report.path("totals"), 10, 6, 9, 4, 1, 2, 1, 7, 0.6, 0.571);
    }

    @Test
    void coachReport_showsWorkloadAndDecisions() {
        JsonNode rows = json(Call.report("coaches", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30")).path("coaches");

        assertThat(rows).hasSize(2);
        JsonNode ana = rows.get(0);
        assertThat(ana.path("coachId").asText()).isEqualTo("coach-ana");
        assertThat(ana.path("name").asText()).isEqualTo("Ana Silva");
        assertThat(ana.path("openLearners").asInt()).isEqualTo(3);
        assertThat(ana.path("reviewsWaiting").asInt()).isEqualTo(2);
        assertThat(ana.path("reviewsOverdue").asInt()).isEqualTo(1);
        assertThat(ana.path("decisions").asInt()).isEqualTo(4);
        assertThat(ana.path("masteryDecisions").asInt()).isEqualTo(2);
        assertThat(ana.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":11,\"p90\":25}");
        JsonNode ben = rows.get(1);
        assertThat(ben.path("name").asText()).isEqualTo("Ben Okafor");
        assertThat(ben.path("openLearners").asInt()).isEqualTo(2);
        assertThat(ben.path("reviewsWaiting").asInt()).isEqualTo(0);
        assertThat(ben.path("decisions").asInt()).isEqualTo(3);
        assertThat(ben.path("masteryDecisions").asInt()).isEqualTo(2);
        assertThat(ben.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":7,\"p90\":49}");
    }

    @Test
    void periodWithinOneMonth_readsDaysOnly() {
        JsonNode rotation = row(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-04", "2026-11-10"), ROTATION);

        // rot-4, rot-5, rot-6 enrolled; rot-2 submitted 11-04, 11-06, 11-09; rot-2 mastered 11-10; rot-3 withdrew 11-05.
        assertThat(rotation.path("enrolled").asInt()).isEqualTo(3);
        assertThat(rotation.path("submitted").asInt()).isEqualTo(3);
        assertThat(rotation.path("mastered").asInt()).isEqualTo(1);
        assertThat(rotation.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(rotation.path("decisions").asInt()).isEqualTo(3);
        assertThat(rotation.path("attemptsToMastery").path("distribution").toString()).isEqualTo("{\"3\":1}");
    }

    @Test
    void periodAcrossMonths_addsTheOddDaysToTheWholeMonths() {
        JsonNode october = row(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-10-01", "2026-10-31"), FEEDBACK);
        JsonNode spanning = row(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-10-15", "2026-11-30"), FEEDBACK);
        JsonNode edges = row(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-10-30", "2026-11-10"), FEEDBACK);

        assertThat(october.path("enrolled").asInt()).isEqualTo(1);
        assertThat(october.path("decisions").asInt()).isZero();
        assertThat(spanning.path("enrolled").asInt()).isEqualTo(5);
        assertThat(edges.path("enrolled").asInt()).isEqualTo(3);
        // State now does not depend on the period.
        assertThat(october.path("active").asInt()).isEqualTo(3);
    }

    @Test
    void periodCoveringMostOfAMonth_takesTheDaysOutsideItAwayFromTheMonth() {
        JsonNode rotation = row(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-04", "2026-11-30"), ROTATION);

        // November without 11-01..11-03: rot-1 and rot-2 enrolled 11-02, rot-3 on 11-03; rot-1 submitted,
        // was decided (3 h) and mastered on 11-03.
        assertThat(rotation.path("enrolled").asInt()).isEqualTo(3);
        assertThat(rotation.path("submitted").asInt()).isEqualTo(5);
        assertThat(rotation.path("mastered").asInt()).isEqualTo(1);
        assertThat(rotation.path("decisions").asInt()).isEqualTo(3);
        assertThat(rotation.path("firstAttemptPassRate").asDouble()).isEqualTo(0.0);
        assertThat(rotation.path("attemptsToMastery").path("distribution").toString()).isEqualTo("{\"3\":1}");
        assertThat(rotation.path("timeToFeedbackHours").toString()).isEqualTo("{\"median\":25,\"p90\":25}");
    }

    @Test
    void creditReport_listsEachEducatorsCreditsWithTotals() {
        JsonNode report = json(Call.report("credits", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"));

        assertThat(report.path("totalCreditHours").asDouble()).isEqualTo(9.0);
        JsonNode educators = report.path("educators");
        assertThat(educators).extracting(e -> e.path("name").asText()).containsExactly("Eve Adams", "Maya Lopez", "Sam Okafor");
        JsonNode maya = educators.get(1);
        assertThat(maya.path("email").asText()).isEqualTo("maya@riverbend.example");
        assertThat(maya.path("totalCreditHours").asDouble()).isEqualTo(4.5);
        assertThat(maya.path("credentials")).extracting(c -> c.path("microCredentialId").asText())
                .containsExactly(ROTATION, FEEDBACK);
        assertThat(maya.path("credentials").get(0).path("masteredAt").asText()).isEqualTo("2026-11-03T12:00:00.000Z");
    }

    @Test
    void creditCsv_hasALinePerCredentialAndATotalPerEducator() {
        APIGatewayV2HTTPResponse response = call(Call.report("credits", ORG).asAdminOf(ORG)
                .range("2026-11-01", "2026-11-10").query("format", "csv"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/csv");
        assertThat(response.getHeaders().get("content-disposition"))
                .isEqualTo("attachment; filename=\"credits_org-riverbend_2026-11-01_2026-11-10.csv\"");
        assertThat(response.getBody()).isEqualTo("\uFEFFrow,learnerId,name,email,microCredentialId,title,masteredAt,creditHours\r\n"
                + "credential,u-maya,Maya Lopez,maya@riverbend.example,mc-rotation,Station Rotation,2026-11-03T12:00:00.000Z,3\r\n"
                + "total,u-maya,Maya Lopez,maya@riverbend.example,,,,3\r\n"
                + "credential,u-sam,Sam Okafor,sam@riverbend.example,mc-rotation,Station Rotation,2026-11-10T09:00:00.000Z,3\r\n"
                + "total,u-sam,Sam Okafor,sam@riverbend.example,,,,3\r\n");
    }

    @Test
    void microCredentialCsv_quotesAndDefusesTheFormulaTitle() {
        APIGatewayV2HTTPResponse response = call(Call.report("microcredentials", ORG).asAdminOf(ORG)
                .range("2026-11-01", "2026-11-30").header("accept", "text/csv"));

        String[] lines = response.getBody().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("\uFEFFmicroCredentialId,title,collection,creditHours,enrolled,active,submitted,"
                + "mastered,withdrawn,awaitingReview,reviewsOverdue,decisions,firstAttemptPassRate,overallPassRate,"
                + "attemptsToMasteryMedian,masteredAt1stAttempt,masteredAt2ndAttempt,masteredAt3rdAttempt,"
                + "masteredAt4thOrLaterAttempt,timeToFeedbackMedianHours,timeToFeedbackP90Hours");
        assertThat(lines[1]).isEqualTo("mc-feedback,\"'=SUM(1,2) \"\"Feedback\"\", that works\",Assessment,1.5,"
                + "4,3,3,2,0,0,0,3,0.667,0.667,1,2,0,0,0,7,49");
        assertThat(lines[2]).isEqualTo("mc-rotation,Station Rotation,Blended Learning,3,6,3,6,2,1,2,1,4,0.5,0.5,1,1,0,1,0,11,25");
    }

    @Test
    void coachAndCollectionCsv_haveAHeaderAndOneLinePerRow() {
        String coaches = call(Call.report("coaches", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30")
                .query("format", "csv")).getBody();
        String collections = call(Call.report("collections", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30")
                .query("format", "csv")).getBody();

        assertThat(coaches).isEqualTo("\uFEFFcoachId,name,openLearners,reviewsWaiting,reviewsOverdue,decisions,"
                + "masteryDecisions,timeToFeedbackMedianHours,timeToFeedbackP90Hours\r\n"
                + "coach-ana,Ana Silva,3,2,1,4,2,11,25\r\ncoach-ben,Ben Okafor,2,0,0,3,2,7,49\r\n");
        assertThat(collections.split("\r\n")).hasSize(3);
        assertThat(collections.split("\r\n")[2]).startsWith("Blended Learning,1,6,3,6,2,1,2,1,4,");
    }

    @Test
    void replayingTheWholeBatch_changesNothing() {
        String before = call(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody();
        String coachesBefore = call(Call.report("coaches", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody();
        String creditsBefore = call(Call.report("credits", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody();

        assertThat(aggregator.aggregate(everything).getBatchItemFailures()).isEmpty();

        assertThat(call(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody())
                .isEqualTo(before);
        assertThat(call(Call.report("coaches", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody())
                .isEqualTo(coachesBefore);
        assertThat(call(Call.report("credits", ORG).asAdminOf(ORG).range("2026-10-01", "2026-11-30")).getBody())
                .isEqualTo(creditsBefore);
    }

    @Test
    void anotherOrganisationsData_neverShows() {
        JsonNode report = json(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-01", "2026-11-30"));
        JsonNode lakeside = json(Call.report("microcredentials", "org-lakeside").asAdminOf("org-lakeside")
                .range("2026-11-01", "2026-11-30"));

        assertThat(report.toString()).doesNotContain("mc-other");
        assertThat(lakeside.path("microCredentials")).singleElement()
                .satisfies(row -> assertThat(row.path("mastered").asInt()).isEqualTo(1));
    }

    @Test
    void platformAdmin_mayReadAnyOrganisation() {
        APIGatewayV2HTTPResponse response = call(Call.report("coaches", ORG).as("root", "org-platform", "platform-admin"));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void learnersCoachesAndOtherAdmins_areRefused() {
        assertThat(call(Call.report("microcredentials", ORG).as("u-maya", ORG, "learner")).getStatusCode()).isEqualTo(403);
        assertThat(call(Call.report("coaches", ORG).as("coach-ana", ORG, "coach")).getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse foreign = call(Call.report("credits", ORG).asAdminOf("org-lakeside"));
        assertThat(foreign.getStatusCode()).isEqualTo(403);
        assertThat(foreign.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(foreign.getBody()).doesNotContain("Maya");
        assertThat(call(Call.report("credits", ORG)).getStatusCode()).isEqualTo(401);
    }

    @Test
    void badPeriods_are400NamingTheField() {
        assertProblem(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-30", "2026-11-01"), "from");
        assertProblem(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-31", "2026-12-01"), "from");
        assertProblem(Call.report("microcredentials", ORG).asAdminOf(ORG).range("2026-11-01", "30/11/2026"), "to");
        assertProblem(Call.report("credits", ORG).asAdminOf(ORG).range("2024-01-01", "2026-11-30"), "from");
        assertProblem(Call.report("coaches", ORG).asAdminOf(ORG).query("format", "xlsx"), "format");
    }

    @Test
    void datesBeyondFourDigitYears_are400NamingTheField_inEveryReport() {
        for (String report : List.of("microcredentials", "collections", "coaches", "credits")) {
            for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01")) {
                assertProblem(Call.report(report, ORG).asAdminOf(ORG).query("to", date), "to");
                assertProblem(Call.report(report, ORG).asAdminOf(ORG).query("from", date), "from");
            }
        }
    }

    @Test
    void defaultPeriod_isTheLast30Days() {
        JsonNode report = json(Call.report("microcredentials", ORG).asAdminOf(ORG));

        assertThat(report.path("from").asText()).isEqualTo("2026-10-25");
        assertThat(report.path("to").asText()).isEqualTo("2026-11-23");
        assertThat(report.path("totals").path("enrolled").asInt()).isEqualTo(11);
    }

    private static void assertProblem(Call call, String field) {
        APIGatewayV2HTTPResponse response = call(call);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        JsonNode problem = read(response.getBody());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private static void assertFigures(JsonNode row, int enrolled, int active, int submitted, int mastered, int withdrawn,
                                      int awaitingReview, int overdue, int decisions, double firstPass, double overallPass) {
        assertThat(row.path("enrolled").asInt()).as("enrolled").isEqualTo(enrolled);
        assertThat(row.path("active").asInt()).as("active").isEqualTo(active);
        assertThat(row.path("submitted").asInt()).as("submitted").isEqualTo(submitted);
        assertThat(row.path("mastered").asInt()).as("mastered").isEqualTo(mastered);
        assertThat(row.path("withdrawn").asInt()).as("withdrawn").isEqualTo(withdrawn);
        assertThat(row.path("awaitingReview").asInt()).as("awaitingReview").isEqualTo(awaitingReview);
        assertThat(row.path("reviewsOverdue").asInt()).as("reviewsOverdue").isEqualTo(overdue);
        assertThat(row.path("decisions").asInt()).as("decisions").isEqualTo(decisions);
        assertThat(row.path("firstAttemptPassRate").asDouble()).as("firstAttemptPassRate").isEqualTo(firstPass);
        assertThat(row.path("overallPassRate").asDouble()).as("overallPassRate").isEqualTo(overallPass);
    }

    private static JsonNode row(Call call, String microCredentialId) {
        for (JsonNode row : json(call).path("microCredentials")) {
            if (row.path("microCredentialId").asText().equals(microCredentialId)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + microCredentialId);
    }

    private static JsonNode json(Call call) {
        APIGatewayV2HTTPResponse response = call(call);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/json");
        return read(response.getBody());
    }

    private static JsonNode read(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static APIGatewayV2HTTPResponse call(Call call) {
        return reports.dispatch(call.event());
    }
}
