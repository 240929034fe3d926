package org.microcred.evidence;

import org.microcred.emulators.junit.PresignedRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.evidence.support.Fixture.file;
import static org.microcred.evidence.support.Fixture.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.evidence.support.Browser;
import org.microcred.evidence.support.Call;
import org.microcred.evidence.support.Fixture;
import org.microcred.evidence.support.Who;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.OutboxItems;
import org.microcred.reviewlinks.ReviewLinks;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Submitting attempts and who may touch whose evidence, through the real handler against
 * DynamoDB Local and S3Proxy.
 */
@ExtendWith(EmulatorsExtension.class)
class SubmissionApiTest {
    static final Who MARIA = Who.learner("u-maria", "Maria Delgado");
    static final Who JAMAL = Who.learner("u-jamal", "Jamal Washington");
    static final Who ZED = Who.learner("u-zed", "Zed Other");
    static final Who PRIYA = Who.coach("u-priya", "Priya Raman");
    static final Who SAMUEL = Who.coach("u-samuel", "Samuel Greene");
    static final byte[] LESSON_PLAN = "Exit ticket lesson plan".getBytes(StandardCharsets.UTF_8);

    private static Fixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
    }

    private static APIGatewayV2HTTPResponse call(Call call, Who who) {
        return fixture.call(call.as(who));
    }

    /** Maria's enrolment with a confirmed lesson plan and reflection; returns {enrolment, file artifact}. */
    private static String[] readyToSubmit(String plcGroupId) {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, plcGroupId);
        JsonNode plan = body(call(Call.declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)), MARIA));
        assertThat(Browser.upload(plan, LESSON_PLAN).statusCode()).isEqualTo(200);
        assertThat(call(Call.complete(enrollment, plan.path("id").asText()), MARIA).getStatusCode()).isEqualTo(200);
        assertThat(call(Call.declare(enrollment, text("reflection", "It worked.")), MARIA).getStatusCode()).isEqualTo(201);
        return new String[] {enrollment, plan.path("id").asText()};
    }

    @Test
    void submit_whenRequiredEvidenceMissing_is422ListingEachRequirement() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);
        call(Call.declare(enrollment, file("lesson-plan", "plan.txt", "text/plain", LESSON_PLAN)), MARIA);

        var submitted = call(Call.submit(enrollment), MARIA);

        assertThat(submitted.getStatusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(submitted).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactly("evidenceRequirements.lesson-plan", "evidenceRequirements.reflection");
        assertThat(body(submitted).path("errors").get(0).path("message").asText()).contains("Lesson plan with exit ticket");
        assertThat(fixture.seed.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.IN_PROGRESS);
    }

    @Test
    void submit_withEverythingConfirmed_freezesAttemptOne_andMovesToSubmitted() {
        String enrollment = readyToSubmit(null)[0];

        var submitted = call(Call.submit(enrollment), MARIA);

        assertThat(submitted.getStatusCode()).isEqualTo(201);
        assertThat(body(submitted).path("attempt").asInt()).isEqualTo(1);
        assertThat(body(submitted).path("id").asText()).isEqualTo(enrollment + ".1");
        assertThat(body(submitted).path("artifactIds")).hasSize(2);
        var now = fixture.seed.enrollmentNow(enrollment);
        assertThat(now.status()).isEqualTo(EnrollmentStatus.SUBMITTED);
        assertThat(now.attempts()).isEqualTo(1);
        var late = call(Call.declare(enrollment, text("reflection", "One more thought.")), MARIA);
        assertThat(late.getStatusCode()).isEqualTo(409);
    }

    @Test
    void submit_twiceInParallel_createsOneAttempt() throws Exception {
        String enrollment = readyToSubmit(null)[0];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<APIGatewayV2HTTPResponse> submit = () -> {
                start.await();
                return call(Call.submit(enrollment), MARIA);
            };
            results.add(pool.submit(submit));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> result : results) {
            statuses.add(result.get().getStatusCode());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(fixture.seed.enrollmentNow(enrollment).attempts()).isEqualTo(1);
        var items = fixture.stack.dynamoDb().query(r -> r.tableName(fixture.stack.tableName("LearningTable"))
                .keyConditionExpression("pk = :pk AND begins_with(sk, :attempt)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ENR#" + enrollment),
                        ":attempt", AttributeValue.fromS("ATTEMPT#"))).consistentRead(true)).items();
        assertThat(items.stream().filter(item -> !item.containsKey("artifactId")).count()).isEqualTo(1);
        var again = call(Call.submit(enrollment), MARIA);
        assertThat(body(again).path("type").asText()).endsWith("/already-submitted");
        assertThat(body(again).path("detail").asText()).contains(enrollment + ".1");
    }

    @Test
    void resubmission_afterNeedsRevision_isAttemptTwo_andAttemptOneStaysIntactAndReadable() {
        String[] ready = readyToSubmit(null);
        String enrollment = ready[0];
        assertThat(call(Call.submit(enrollment), MARIA).getStatusCode()).isEqualTo(201);
        fixture.seed.needsRevision(enrollment);

        var removeOld = call(Call.remove(enrollment, ready[1]), MARIA);
        var resubmitEmpty = call(Call.submit(enrollment), MARIA);
        JsonNode revised = body(call(Call.declare(enrollment, text("reflection", "Revised reflection.")), MARIA));
        byte[] plan2 = "Revised plan".getBytes(StandardCharsets.UTF_8);
        JsonNode plan = body(call(Call.declare(enrollment, file("lesson-plan", "plan2.txt", "text/plain", plan2)), MARIA));
        Browser.upload(plan, plan2);
        call(Call.complete(enrollment, plan.path("id").asText()), MARIA);
        var resubmitted = call(Call.submit(enrollment), MARIA);

        assertThat(removeOld.getStatusCode()).isEqualTo(409);
        assertThat(resubmitEmpty.getStatusCode()).isEqualTo(422);
        assertThat(revised.path("attempt").asInt()).isEqualTo(2);
        assertThat(resubmitted.getStatusCode()).isEqualTo(201);
        assertThat(body(resubmitted).path("attempt").asInt()).isEqualTo(2);
        assertThat(body(resubmitted).path("artifactIds")).hasSize(2);
        JsonNode oldDownload = body(call(Call.download(enrollment, ready[1]), PRIYA));
        assertThat(PresignedRequests.get(oldDownload.path("url").asText()).body()).isEqualTo(LESSON_PLAN);
        assertThat(fixture.seed.enrollmentNow(enrollment).attempts()).isEqualTo(2);
    }

    @Test
    void submit_queuesCoachEmail_withReviewTokenThatVerifiesAndExpires() {
        String enrollment = readyToSubmit(null)[0];
        Instant before = Instant.now();
        call(Call.submit(enrollment), MARIA);

        var email = fixture.stack.dynamoDb().getItem(r -> r.tableName(fixture.stack.tableName("LearningTable"))
                .key(Map.of("pk", AttributeValue.fromS("OUTBOX#" + enrollment + "#submitted-1"),
                        "sk", AttributeValue.fromS("EMAIL")))).item();
        assertThat(email.get("to").l().get(0).s()).isEqualTo(PRIYA.email());
        assertThat(email.get("replyTo").s()).isEqualTo(MARIA.email());
        String text = OutboxItems.email(email).text();
        Matcher link = Pattern.compile("(\\S+)/review/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo(fixture.environment.required("API_URL").replaceAll("/$", ""));
        assertThat(OutboxItems.email(email).html()).contains("/review/" + link.group(2));
        ReviewLinks links = new ReviewLinks(Fixture.REVIEW_LINK_KEY.getBytes(StandardCharsets.UTF_8),
                ReviewLinks.DEFAULT_VALIDITY);
        var grant = links.verify(link.group(2), Instant.now()).orElseThrow();
        assertThat(grant.submissionId()).isEqualTo(enrollment + ".1");
        assertThat(grant.coachId()).isEqualTo(PRIYA.userId());
        assertThat(grant.expiresAtEpochSecond()).isBetween(before.plus(Duration.ofDays(14)).getEpochSecond() - 1,
                Instant.now().plus(Duration.ofDays(14)).getEpochSecond() + 1);
        assertThat(links.verify(link.group(2), Instant.now().plus(Duration.ofDays(15)))).isEmpty();
        String tampered = link.group(2).replaceFirst("^.", link.group(2).startsWith("A") ? "B" : "A");
        assertThat(links.verify(tampered, Instant.now())).isEmpty();
    }

    @Test
    void otherLearner_cannotDeclareCompleteRemoveDownloadOrSubmit() {
        String[] ready = readyToSubmit(null);
        String enrollment = ready[0];

        assertThat(call(Call.declare(enrollment, text("reflection", "Mine now.")), ZED).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.complete(enrollment, ready[1]), ZED).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.remove(enrollment, ready[1]), ZED).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.download(enrollment, ready[1]), ZED).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.submit(enrollment), ZED).getStatusCode()).isEqualTo(404);
        assertThat(fixture.seed.enrollmentNow(enrollment).status()).isEqualTo(EnrollmentStatus.IN_PROGRESS);
    }

    @Test
    void plcPeer_cannotDownload_butTheLearnerAndAssignedCoachCan() {
        String[] ready = readyToSubmit("plc-4th-grade");
        fixture.seed.enrollment(JAMAL, PRIYA, "plc-4th-grade");

        assertThat(call(Call.download(ready[0], ready[1]), JAMAL).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.download(ready[0], ready[1]), MARIA).getStatusCode()).isEqualTo(200);
        var coach = call(Call.download(ready[0], ready[1]), PRIYA);
        assertThat(coach.getStatusCode()).isEqualTo(200);
        assertThat(PresignedRequests.get(body(coach).path("url").asText()).body()).isEqualTo(LESSON_PLAN);
    }

    @Test
    void unassignedCoach_cannotDownload_norChangeEvidence() {
        String[] ready = readyToSubmit(null);

        assertThat(call(Call.download(ready[0], ready[1]), SAMUEL).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.submit(ready[0]), PRIYA).getStatusCode()).isEqualTo(404);
        assertThat(call(Call.remove(ready[0], ready[1]), PRIYA).getStatusCode()).isEqualTo(404);
    }

    @Test
    void anonymousCaller_is401() {
        String enrollment = fixture.seed.enrollment(MARIA, PRIYA, null);

        assertThat(fixture.call(Call.submit(enrollment)).getStatusCode()).isEqualTo(401);
    }
}
