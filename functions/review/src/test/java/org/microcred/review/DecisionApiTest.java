package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.review.support.Fixture.score;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.OutboxItems;
import org.microcred.review.support.Call;
import org.microcred.review.support.Fixture;
import org.microcred.review.support.Who;

/** Coaches deciding submissions through the JSON API, against DynamoDB Local. */
@ExtendWith(EmulatorsExtension.class)
class DecisionApiTest {
    static final Who MARIA = Who.learner("u-maria-d", "Maria Delgado");
    static final Who PRIYA = Who.coach("u-priya-d", "Priya Raman");
    static final Who SAMUEL = Who.coach("u-samuel-d", "Samuel Greene");
    static final Who ADMIN = Who.admin("u-admin-d", "Ada Admin");

    private static Fixture fixture;
    private static ReviewHandler handler;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.coach(PRIYA, 5);
        fixture.coach(SAMUEL, 0);
        handler = fixture.handler();
    }

    private static APIGatewayV2HTTPResponse call(Call call, Who who) {
        return handler.dispatch(call.as(who).event());
    }

    private static String submitted() {
        String enrollment = fixture.enrollment(MARIA, PRIYA);
        return fixture.submit(enrollment, MARIA, "The tickets showed two groups.", "https://example.org/tickets");
    }

    private static Map<String, Object> mastery(String feedback) {
        return Map.of("outcome", "mastery", "scores", List.of(score("alignment", "exemplary", null),
                score("decision", "proficient", "Clear next steps.")), "feedback", feedback);
    }

    @Test
    void decide_mastery_movesEnrolmentToMasteredFreesTheCoachAndEmailsTheLearner() {
        String submission = submitted();
        String enrollment = submission.substring(0, submission.indexOf('.'));
        long before = fixture.openEnrollments(PRIYA);
        long beforeHere = fixture.openForMicroCredential(PRIYA);

        JsonNode decision = body(expect(call(Call.decide(submission, mastery("Great <script>alert(1)</script> work")),
                PRIYA), 200));

        assertThat(decision.path("outcome").asText()).isEqualTo("mastery");
        assertThat(decision.path("timeToFeedbackSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(fixture.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.MASTERED);
        assertThat(fixture.openEnrollments(PRIYA)).isEqualTo(before - 1);
        assertThat(fixture.openForMicroCredential(PRIYA)).as("open#<mcId> moves with openEnrollments")
                .isEqualTo(beforeHere - 1);
        var email = fixture.outbox(enrollment + "#decision-1");
        assertThat(email.get("to").l().get(0).s()).isEqualTo(MARIA.email());
        assertThat(OutboxItems.email(email).html()).contains("Great &lt;script&gt;alert(1)&lt;/script&gt; work")
                .doesNotContain("<script>");
        assertThat(OutboxItems.email(email).text()).contains("Great <script>alert(1)</script> work");
    }

    @Test
    void decide_masteryWithACriterionBelowPassing_is422NamingIt() {
        String submission = submitted();

        var response = call(Call.decide(submission, Map.of("outcome", "mastery", "scores", List.of(
                score("alignment", "not-yet", null), score("decision", "proficient", null)))), PRIYA);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("scores.alignment");
        assertThat(body(response).path("errors").get(0).path("message").asText())
                .isEqualTo("Alignment to the objective: below the passing level");
        assertThat(body(response).path("errors")).hasSize(1);
        assertThat(body(response).path("detail").asText()).contains("Alignment to the objective")
                .doesNotContain("alignment", "Instructional decision");
    }

    @Test
    void decide_needsRevisionWithoutFeedback_is422() {
        String submission = submitted();

        var response = call(Call.decide(submission, Map.of("outcome", "needs-revision", "scores", List.of(
                score("alignment", "not-yet", null), score("decision", "not-yet", null)))), PRIYA);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("feedback");
    }

    @Test
    void decide_unknownCriterionUnknownLevelOrMissingCriterion_is400NamingEach() {
        String submission = submitted();

        var response = call(Call.decide(submission, Map.of("outcome", "mastery", "scores", List.of(
                score("alignment", "legendary", null), score("made-up", "proficient", null)))), PRIYA);

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(response).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("scores[0].levelId", "scores[1].criterionId", "scores.decision");
    }

    @Test
    void decide_whenTenCoachRequestsArriveAtOnce_recordsOneDecision() throws Exception {
        String submission = submitted();
        String enrollment = submission.substring(0, submission.indexOf('.'));
        long before = fixture.openEnrollments(PRIYA);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ReviewHandler container = fixture.handler();
            Callable<APIGatewayV2HTTPResponse> decide = () -> {
                start.await();
                return container.dispatch(Call.decide(submission, mastery("Well done")).as(PRIYA).event());
            };
            results.add(pool.submit(decide));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String recordedAt = null;
        for (Future<APIGatewayV2HTTPResponse> result : results) {
            APIGatewayV2HTTPResponse response = result.get();
            statuses.add(response.getStatusCode());
            if (response.getStatusCode() == 200) {
                recordedAt = body(response).path("decidedAt").asText();
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(fixture.openEnrollments(PRIYA)).isEqualTo(before - 1);
        var again = call(Call.decide(submission, mastery("Twice")), PRIYA);
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(body(again).path("decision").path("decidedAt").asText()).isEqualTo(recordedAt);
        assertThat(fixture.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.MASTERED);
    }

    @Test
    void resubmission_afterNeedsRevision_canReachMasteryOnAttemptTwo() {
        String first = submitted();
        String enrollment = first.substring(0, first.indexOf('.'));
        expect(call(Call.decide(first, Map.of("outcome", "needs-revision", "scores", List.of(
                score("alignment", "proficient", null), score("decision", "not-yet", "Name a next step.")),
                "feedback", "Say what each group does next.")), PRIYA), 200);
        assertThat(fixture.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.NEEDS_REVISION);
        assertThat(OutboxItems.email(fixture.outbox(enrollment + "#decision-1")).text()).contains("Say what each group does next.");

        String second = fixture.submit(enrollment, MARIA, "Group A re-teaches, group B extends.", null);
        assertThat(second).isEqualTo(enrollment + ".2");
        JsonNode review = body(expect(call(Call.submission(second), PRIYA), 200));
        assertThat(review.path("attempt").asInt()).isEqualTo(2);
        assertThat(review.path("rubric")).hasSize(2);
        assertThat(review.path("artifacts")).hasSize(1);
        expect(call(Call.decide(second, mastery("Now it is clear.")), PRIYA), 200);

        assertThat(fixture.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.MASTERED);
        assertThat(body(expect(call(Call.submission(first), MARIA), 200)).path("decision").path("outcome").asText())
                .isEqualTo("needs-revision");
    }

    @Test
    void decide_byAnotherCoachIs404AndByTheLearnerIs403() {
        String submission = submitted();

        assertThat(call(Call.decide(submission, mastery("x")), SAMUEL).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.decide(submission, mastery("x")), MARIA).getStatusCode()).isEqualTo(403);
        assertThat(call(Call.submission(submission), SAMUEL).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.submission(submission), MARIA).getStatusCode()).isEqualTo(200);
        assertThat(call(Call.submission(submission), ADMIN).getStatusCode()).isEqualTo(200);
        assertThat(call(Call.submission(submission + "9"), PRIYA).getStatusCode()).isEqualTo(404);
    }

    @Test
    void queue_listsTheCoachsUndecidedSubmissionsOldestFirst() {
        Who coach = Who.coach("u-queue-coach", "Quinn Coach");
        fixture.coach(coach, 2);
        String older = fixture.submit(fixture.enrollment(MARIA, coach), MARIA, "first", null);
        String newer = fixture.submit(fixture.enrollment(MARIA, coach), MARIA, "second", null);
        String decided = fixture.submit(fixture.enrollment(MARIA, coach), MARIA, "third", null);
        expect(call(Call.decide(decided, mastery("ok")), coach), 200);

        JsonNode queue = body(expect(call(Call.queue(), coach), 200));

        List<String> ids = new ArrayList<>();
        queue.path("items").forEach(item -> ids.add(item.path("submissionId").asText()));
        assertThat(ids).containsExactly(older, newer);
        assertThat(queue.path("items").get(0).path("waitingSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(call(Call.queue(), MARIA).getStatusCode()).isEqualTo(403);
    }
}
