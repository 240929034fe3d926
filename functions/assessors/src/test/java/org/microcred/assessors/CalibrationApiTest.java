package org.microcred.assessors;

import org.microcred.emulators.junit.PresignedRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.assessors.support.Call;
import org.microcred.assessors.support.Fixture;
import org.microcred.assessors.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calibration against DynamoDB Local: the admin's calibration set of decided submissions, the
 * assessor's anonymised view, scoring, the agreement computed when the last item is scored, going
 * live (and getting the next learner) or staying calibrating, and the admins' report. The report
 * tests run last because they read what the flows before them recorded.
 */
@ExtendWith(EmulatorsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalibrationApiTest {
    static final String MC = Fixture.MICRO_CREDENTIAL;
    static final Who ADMIN = Who.admin("u-admin-c", "Ada Admin");
    static final Who OTHER_ADMIN = Who.adminOf("org-lakeshore", "u-admin-lake-c", "Lake Admin");
    static final Who PRIYA = Who.coach("u-priya-c", "Priya Senior");
    static final Who BEA = Who.learner("u-bea-c", "Bea Aligned");
    static final Who DAN = Who.learner("u-dan-c", "Dan Diverges");
    static final Who GIA = Who.learner("u-gia-c", "Gia Viewer");
    static final Who CARL = Who.learner("u-carl-c", "Carl Learner");
    static final Who DEE = Who.learner("u-dee-c", "Dee Learner");
    static final Who EVE = Who.learner("u-eve-c", "Eve Learner");
    static final Who FRED = Who.learner("u-fred-c", "Fred Waiting");

    static final byte[] LESSON_PLAN = "%PDF-1.4 Carl's lesson plan".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static Fixture fixture;
    private static AssessorHandler handler;
    /** S1 (Bea's own), S2, S3, S4: decided by Priya. */
    private static final List<String> DECIDED = new ArrayList<>();
    private static String undecided;
    /** Label to item id, from the admin's answer to choosing the set. */
    private static final Map<String, String> SET = new java.util.TreeMap<>();

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        for (Who who : new Who[] {ADMIN, PRIYA, BEA, DAN, GIA, CARL, DEE, EVE, FRED}) {
            fixture.member(who, who.group());
        }
        fixture.coach(PRIYA, 10, MC);
        DECIDED.add(fixture.decided(BEA, PRIYA, "exemplary", "proficient", "mastery", "Bea's own reflection."));
        DECIDED.add(fixture.decidedWithFile(CARL, PRIYA, "proficient", "proficient", "mastery", "Carl grouped students.",
                "Carl Learner lesson plan.pdf", LESSON_PLAN));
        DECIDED.add(fixture.decided(DEE, PRIYA, "not-yet", "not-yet", "needs-revision", "Dee's first try."));
        DECIDED.add(fixture.decided(EVE, PRIYA, "proficient", "not-yet", "needs-revision", "Eve's tickets."));
        undecided = fixture.submitted(FRED, PRIYA, "Fred is still waiting.");
        for (Who assessor : new Who[] {BEA, DAN, GIA}) {
            fixture.badge(assessor, "active");
        }
        handler = fixture.handler();
        fixture.invitedAndAccepted(handler, ADMIN, BEA, Map.of("minimumKappa", 0.8, "minimumExactAgreement", 0.9));
        fixture.invitedAndAccepted(handler, ADMIN, DAN, Map.of());
        fixture.invitedAndAccepted(handler, ADMIN, GIA, Map.of());
        JsonNode set = body(expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC,
                Map.of("submissionIds", DECIDED)).as(ADMIN).event()), 200));
        set.get("items").forEach(item -> SET.put(item.get("label").asText(), item.get("itemId").asText()));
    }

    private static APIGatewayV2HTTPResponse score(Who who, String itemId, String alignment, String decision,
                                                  String outcome) {
        return handler.dispatch(Call.score(MC, Map.of("itemId", itemId, "outcome", outcome, "scores", List.of(
                Map.of("criterionId", "alignment", "levelId", alignment),
                Map.of("criterionId", "decision", "levelId", decision)))).as(who).event());
    }

    /** The item ids of the assessor's pending items, by label. */
    private static Map<String, String> pending(Who who) {
        JsonNode mine = body(expect(handler.dispatch(Call.myCalibration().as(who).event()), 200)).get("items").get(0);
        Map<String, String> byLabel = new java.util.TreeMap<>();
        mine.get("items").forEach(item -> byLabel.put(item.get("label").asText(), item.get("itemId").asText()));
        return byLabel;
    }

    @Test
    @Order(1)
    void calibrationSet_answersTheLabelledItemsWithTheReferenceOutcomes() {
        assertThat(SET).containsOnlyKeys("Submission A", "Submission B", "Submission C", "Submission D");
        assertThat(SET.values()).allMatch(id -> id.matches("cal-[0-9a-f]{20}"));
    }

    @Test
    @Order(1)
    void currentSet_isReadableByTheAdminOnly() {
        JsonNode set = body(expect(handler.dispatch(Call.currentSet(Fixture.ORGANIZATION, MC).as(ADMIN).event()), 200));

        assertThat(set.get("items").findValuesAsText("submissionId")).containsExactlyElementsOf(DECIDED);
        assertThat(set.get("items").findValuesAsText("outcome")).containsExactly("mastery", "mastery",
                "needs-revision", "needs-revision");
        expect(handler.dispatch(Call.currentSet(Fixture.ORGANIZATION, MC).as(BEA).event()), 403);
        expect(handler.dispatch(Call.currentSet(Fixture.ORGANIZATION, "no-such-mc").as(ADMIN).event()), 404);
    }

    @Test
    @Order(1)
    void calibrationSet_withTooFewSubmissions_is400() {
        JsonNode problem = body(expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC,
                Map.of("submissionIds", DECIDED.subList(0, 2))).as(ADMIN).event()), 400));

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("submissionIds");
    }

    @Test
    @Order(1)
    void calibrationSet_withAnUndecidedOrUnknownSubmission_is422NamingIt() {
        JsonNode problem = body(expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC,
                Map.of("submissionIds", List.of(DECIDED.get(1), undecided, "enr-zzzzzzzzzzzzzzzzzzzz.1")))
                .as(ADMIN).event()), 422));

        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactly("submissionIds[1]", "submissionIds[2]");
    }

    @Test
    @Order(1)
    void calibrationSet_withANullSubmissionId_is400NamingIt_withoutInternalNames() {
        List<String> withNull = new ArrayList<>(DECIDED.subList(0, 3));
        withNull.set(1, null);

        APIGatewayV2HTTPResponse response = expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC,
                Map.of("submissionIds", withNull)).as(ADMIN).event()), 400);

        assertThat(body(response).get("errors").findValuesAsText("field")).containsExactly("submissionIds[1]");
        assertThat(response.getBody()).doesNotContain("org.microcred", "java.", "Exception");
    }

    @Test
    @Order(1)
    void calibrationSet_byALearnerOrAnotherOrganisationsAdmin_is403() {
        expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC, Map.of("submissionIds", DECIDED))
                .as(BEA).event()), 403);
        expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC, Map.of("submissionIds", DECIDED))
                .as(OTHER_ADMIN).event()), 403);
    }

    @Test
    @Order(2)
    void myCalibration_showsTheItemsAnonymised_withTheRubricAndEvidence_butNotTheAssessorsOwnSubmission() {
        APIGatewayV2HTTPResponse response = expect(handler.dispatch(Call.myCalibration().as(BEA).event()), 200);
        JsonNode mine = body(response).get("items").get(0);

        assertThat(mine.get("status").asText()).isEqualTo("calibrating");
        assertThat(mine.get("total").asInt()).isEqualTo(3);
        assertThat(mine.get("items").findValuesAsText("label")).containsExactly("Submission B", "Submission C",
                "Submission D");
        JsonNode first = mine.get("items").get(0);
        assertThat(first.get("rubric").findValuesAsText("id")).contains("alignment", "decision");
        assertThat(first.get("evidence").findValuesAsText("text")).containsExactly("Carl grouped students.");
        assertThat(first.get("evidence").findValuesAsText("url")).containsExactly("https://example.org/tickets/u-carl-c");
        JsonNode file = first.get("evidence").get(2);
        assertThat(file.get("kind").asText()).isEqualTo("file");
        assertThat(file.get("fileName").asText()).isEqualTo("submission-b-file-1.pdf");
        assertThat(file.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(PresignedRequests.get(file.get("downloadUrl").asText()).body())
                .isEqualTo(LESSON_PLAN);
        // The presigned URL's object key holds ids (organisation, enrolment, artifact), never a name.
        assertThat(response.getBody()).doesNotContain("Bea's own reflection", "Carl Learner", "Carl%20Learner",
                "lesson plan", DECIDED.get(1), "Reference feedback", "submissionId", "enrollmentId", "learner");
    }

    @Test
    @Order(2)
    void myCalibration_ofSomeoneWhoIsNoAssessor_isEmpty() {
        assertThat(body(expect(handler.dispatch(Call.myCalibration().as(CARL).event()), 200)).get("items")).isEmpty();
    }

    @Test
    @Order(3)
    void score_withAMissingCriterionOrUnknownLevel_is400NamingThem() {
        String item = pending(GIA).values().iterator().next();

        JsonNode problem = body(expect(handler.dispatch(Call.score(MC, Map.of("itemId", item, "outcome", "maybe",
                "scores", List.of(Map.of("criterionId", "alignment", "levelId", "superb")))).as(GIA).event()), 400));

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("outcome",
                "scores[0].levelId", "scores.decision");
    }

    @Test
    @Order(3)
    void score_withANullScore_is400NamingIt_withoutInternalNames() {
        String item = pending(GIA).values().iterator().next();
        List<Object> scores = new ArrayList<>();
        scores.add(null);

        APIGatewayV2HTTPResponse response = expect(handler.dispatch(Call.score(MC, Map.of("itemId", item, "outcome",
                "mastery", "scores", scores)).as(GIA).event()), 400);

        assertThat(body(response).get("errors").findValuesAsText("field")).containsExactly("scores[0]");
        assertThat(response.getBody()).doesNotContain("org.microcred", "java.", "Exception");
    }

    @Test
    @Order(3)
    void score_twice_is409() {
        String item = pending(GIA).get("Submission A");
        JsonNode first = body(expect(score(GIA, item, "exemplary", "proficient", "mastery"), 201));
        assertThat(first.get("scored").asInt()).isEqualTo(1);
        assertThat(first.get("total").asInt()).isEqualTo(4);

        JsonNode second = body(expect(score(GIA, item, "not-yet", "not-yet", "needs-revision"), 409));

        assertThat(second.get("type").asText()).endsWith("/already-scored");
        assertThat(pending(GIA)).doesNotContainKey("Submission A");
    }

    @Test
    @Order(3)
    void score_anUnknownItemOrTheirOwnSubmission_is404() {
        expect(score(GIA, "cal-00000000000000000000", "proficient", "proficient", "mastery"), 404);
        expect(score(BEA, SET.get("Submission A"), "exemplary", "proficient", "mastery"), 404);
    }

    @Test
    @Order(3)
    void score_bySomeoneWithoutCalibration_is404() {
        String item = pending(GIA).values().iterator().next();

        expect(score(CARL, item, "proficient", "proficient", "mastery"), 404);
    }

    @Test
    @Order(4)
    void scoringEverythingLikeTheReference_makesTheAssessorLive_andACoachToChooseFrom() {
        assertThat(fixture.liveCoaches()).as("while calibrating").contains(PRIYA.userId()).doesNotContain(BEA.userId());
        Map<String, String> items = pending(BEA);
        expect(score(BEA, items.get("Submission B"), "proficient", "proficient", "mastery"), 201);
        expect(score(BEA, items.get("Submission C"), "not-yet", "not-yet", "needs-revision"), 201);

        JsonNode last = body(expect(score(BEA, items.get("Submission D"), "proficient", "not-yet", "needs-revision"),
                201));

        assertThat(last.get("status").asText()).isEqualTo("live");
        assertThat(last.get("calibration").get("kappa").asDouble()).isEqualTo(1.0);
        assertThat(last.get("calibration").get("exactAgreement").asDouble()).isEqualTo(1.0);
        assertThat(last.get("calibration").get("meetsMinimum").asBoolean()).isTrue();
        assertThat(fixture.coachItem(BEA).get("calibratingMicroCredentialIds").l()).isEmpty();
        assertThat(fixture.coachItem(BEA).get("microCredentialIds").l()).extracting(AttributeValue::s).containsExactly(MC);
        Map<String, AttributeValue> email = fixture.outbox("assessor-live-" + Fixture.ORGANIZATION + "-" + MC + "-"
                + BEA.userId());
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly(BEA.email());
        assertThat(fixture.liveCoaches()).as("once live").contains(PRIYA.userId(), BEA.userId());
        expect(score(BEA, items.get("Submission B"), "proficient", "proficient", "mastery"), 409);
    }

    /**
     * Dan's levels against the reference (assessor/reference):
     * S1 alignment proficient/exemplary, decision proficient/proficient; S2 proficient/proficient,
     * not-yet/proficient; S3 proficient/not-yet, proficient/not-yet; S4 proficient/proficient,
     * proficient/not-yet. 3 of 8 pairs agree: p_o = 0.375. Categories (criterion/level), assessor
     * vs reference: a/proficient 4 vs 2, a/exemplary 0 vs 1, a/not-yet 0 vs 1, d/proficient 3 vs 2,
     * d/not-yet 1 vs 2: p_e = (4·2 + 3·2 + 1·2) / 64 = 0.25; kappa = (0.375 − 0.25) / 0.75 = 0.1667.
     * Alignment alone: p_o = 0.5, p_e = 1 · 0.5, kappa 0; decision alone: p_o = 0.25,
     * p_e = (3·2 + 1·2) / 16 = 0.5, kappa = −0.5. Outcomes agree on S1 and S4: 0.5.
     */
    @Test
    @Order(4)
    void scoringBelowTheMinimum_keepsTheAssessorCalibrating_withTheReason() {
        Map<String, String> items = pending(DAN);
        expect(score(DAN, items.get("Submission A"), "proficient", "proficient", "mastery"), 201);
        expect(score(DAN, items.get("Submission B"), "proficient", "not-yet", "needs-revision"), 201);
        expect(score(DAN, items.get("Submission C"), "proficient", "proficient", "mastery"), 201);

        JsonNode last = body(expect(score(DAN, items.get("Submission D"), "proficient", "proficient",
                "needs-revision"), 201));

        JsonNode calibration = last.get("calibration");
        assertThat(last.get("status").asText()).isEqualTo("calibrating");
        assertThat(calibration.get("pairs").asInt()).isEqualTo(8);
        assertThat(calibration.get("exactAgreement").asDouble()).isEqualTo(0.375);
        assertThat(calibration.get("kappa").asDouble()).isEqualTo(0.1667);
        assertThat(calibration.get("outcomeAgreement").asDouble()).isEqualTo(0.5);
        assertThat(calibration.get("criteria").findValuesAsText("criterionId")).containsExactly("alignment", "decision");
        assertThat(calibration.get("criteria").get(0).get("exactAgreement").asDouble()).isEqualTo(0.5);
        assertThat(calibration.get("criteria").get(0).get("kappa").asDouble()).isEqualTo(0.0);
        assertThat(calibration.get("criteria").get(1).get("exactAgreement").asDouble()).isEqualTo(0.25);
        assertThat(calibration.get("criteria").get(1).get("kappa").asDouble()).isEqualTo(-0.5);
        assertThat(calibration.get("meetsMinimum").asBoolean()).isFalse();
        assertThat(calibration.get("shortfall").get(0).asText()).isEqualTo("Cohen's kappa 0.1667 is below the minimum 0.6");
        assertThat(fixture.coachItem(DAN).get("calibratingMicroCredentialIds").l()).extracting(AttributeValue::s)
                .containsExactly(MC);
        assertThat(fixture.outbox("assessor-live-" + Fixture.ORGANIZATION + "-" + MC + "-" + DAN.userId())).isEmpty();
        JsonNode view = body(expect(handler.dispatch(Call.myCalibration().as(DAN).event()), 200)).get("items").get(0);
        assertThat(view.get("items")).isEmpty();
        assertThat(view.get("note").asText()).contains("below the minimum", "Cohen's kappa 0.1667");
    }

    @Test
    @Order(5)
    void scoringTheLastTwoItemsAtOnce_evaluatesOnce_andGoesLive() throws Exception {
        Who hana = Who.learner("u-hana-c", "Hana Parallel");
        fixture.member(hana, "learner");
        fixture.badge(hana, "active");
        fixture.invitedAndAccepted(handler, ADMIN, hana, Map.of("minimumKappa", 0.0));
        Map<String, String> items = pending(hana);
        expect(score(hana, items.get("Submission A"), "exemplary", "proficient", "mastery"), 201);
        expect(score(hana, items.get("Submission B"), "proficient", "proficient", "mastery"), 201);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var c = pool.submit(() -> {
            start.await();
            return score(hana, items.get("Submission C"), "not-yet", "not-yet", "needs-revision");
        });
        var d = pool.submit(() -> {
            start.await();
            return score(hana, items.get("Submission D"), "proficient", "proficient", "mastery");
        });
        start.countDown();
        APIGatewayV2HTTPResponse first = c.get();
        APIGatewayV2HTTPResponse second = d.get();
        pool.shutdown();

        assertThat(List.of(first.getStatusCode(), second.getStatusCode())).containsOnly(201);
        JsonNode mine = body(expect(handler.dispatch(Call.myCalibration().as(hana).event()), 200)).get("items").get(0);
        assertThat(mine.get("status").asText()).isEqualTo("live");
        assertThat(mine.get("calibration").get("exactAgreement").asDouble()).isEqualTo(0.875);
        assertThat(fixture.coachItem(hana).get("calibratingMicroCredentialIds").l()).isEmpty();
        assertThat(fixture.outbox("assessor-live-" + Fixture.ORGANIZATION + "-" + MC + "-" + hana.userId())).isNotEmpty();
    }

    @Test
    @Order(10)
    void report_showsEachAssessorsAgreementAndWhetherLive_toTheOrganisationsAdmin() {
        APIGatewayV2HTTPResponse response = expect(handler.dispatch(Call.report(Fixture.ORGANIZATION).as(ADMIN)
                .event()), 200);
        JsonNode rows = body(response).get("assessors");

        Map<String, JsonNode> byUser = new java.util.HashMap<>();
        rows.forEach(row -> byUser.put(row.get("userId").asText(), row));
        assertThat(byUser).containsOnlyKeys(BEA.userId(), DAN.userId(), GIA.userId(), "u-hana-c");
        assertThat(byUser.get(BEA.userId()).get("status").asText()).isEqualTo("live");
        assertThat(byUser.get(BEA.userId()).get("live").asBoolean()).isTrue();
        assertThat(byUser.get(BEA.userId()).get("kappa").asDouble()).isEqualTo(1.0);
        assertThat(byUser.get(BEA.userId()).get("minimumExactAgreement").asDouble()).isEqualTo(0.9);
        assertThat(byUser.get(DAN.userId()).get("status").asText()).isEqualTo("calibrating");
        assertThat(byUser.get(DAN.userId()).get("kappa").asDouble()).isEqualTo(0.1667);
        assertThat(byUser.get(DAN.userId()).get("meetsMinimum").asBoolean()).isFalse();
        assertThat(byUser.get(DAN.userId()).get("criteria")).hasSize(2);
        assertThat(byUser.get(GIA.userId()).get("scoresRecorded").asInt()).isEqualTo(1);
        assertThat(byUser.get(GIA.userId()).has("kappa")).isFalse();
        assertThat(response.getBody()).doesNotContain("grouped students", "Reference feedback", "@riverbend");
    }

    @Test
    @Order(10)
    void report_asCsv_isOneRowPerAssessor() {
        APIGatewayV2HTTPResponse response = expect(handler.dispatch(Call.report(Fixture.ORGANIZATION)
                .query("format", "csv").as(ADMIN).event()), 200);

        assertThat(response.getHeaders().get("content-type")).startsWith("text/csv");
        String[] lines = response.getBody().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("\uFEFFuserId,name,microCredentialId,title,status,live");
        assertThat(response.getBody()).contains("u-dan-c,Dan Diverges,exit-tickets,"
                + "Checking for Understanding with Exit Tickets,calibrating,false")
                .contains("0.1667", "alignment=0.5; decision=0.25", "alignment=0.0; decision=-0.5")
                .contains("Cohen's kappa 0.1667 is below the minimum 0.6");
    }

    @Test
    @Order(10)
    void report_forALearnerOrAnotherOrganisationsAdmin_is403_andAnUnknownFormat400() {
        expect(handler.dispatch(Call.report(Fixture.ORGANIZATION).as(BEA).event()), 403);
        expect(handler.dispatch(Call.report(Fixture.ORGANIZATION).as(OTHER_ADMIN).event()), 403);
        expect(handler.dispatch(Call.report(Fixture.ORGANIZATION).query("format", "xml").as(ADMIN).event()), 400);
    }
}
