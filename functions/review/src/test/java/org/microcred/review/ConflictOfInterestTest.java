package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.review.support.Fixture.score;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.OutboxItems;
import org.microcred.review.support.Call;
import org.microcred.review.support.Fixture;
import org.microcred.review.support.Who;
import org.microcred.shared.web.FormGuard;

/**
 * Attacks on who may decide: a coach who is the enrolment's own learner (an enrolment written
 * before coach choice refused that, seeded here directly), and a coach who has since been
 * deactivated or lost the coach role. Each must be refused on every way in: the JSON decision,
 * the submission read for deciding, the queue and the email-linked page.
 */
@ExtendWith(EmulatorsExtension.class)
class ConflictOfInterestTest {
    /** A teacher who is both a coach and a learner of the organisation. */
    static final Who CARL = new Who("u-carl-c", "u-carl-c@riverbend.k12.example", "Carl Both", "org-riverbend",
            "learner coach");
    static final Who MARIA = Who.learner("u-maria-c", "Maria Delgado");
    static final Who PRIYA = Who.coach("u-priya-c", "Priya Raman");
    static final Who DAN = Who.coach("u-dan-c", "Dan Former");
    static final Who ADMIN = Who.admin("u-admin-c", "Ada Admin");

    private static Fixture fixture;
    private static ReviewHandler handler;
    private static FormGuard guard;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.coach(CARL, 1);
        fixture.coach(PRIYA, 1);
        fixture.coach(DAN, 1);
        handler = fixture.handler();
        guard = new FormGuard(Fixture.REVIEW_LINK_KEY.getBytes(StandardCharsets.UTF_8), "review-form");
    }

    private static APIGatewayV2HTTPResponse call(Call call, Who who) {
        return handler.dispatch(call.as(who).event());
    }

    /** A submitted attempt of Carl's own enrolment, coached by Carl himself. */
    private static String ownSubmission() {
        String enrollment = fixture.enrollment(CARL, CARL);
        return fixture.submit(enrollment, CARL, "My own exit tickets.", null);
    }

    private static Map<String, Object> mastery() {
        return Map.of("outcome", "mastery", "scores", List.of(score("alignment", "exemplary", null),
                score("decision", "exemplary", null)), "feedback", "Excellent, if I say so myself.");
    }

    /** A well-formed page form with genuine anti-forgery fields for the token: only the rules can refuse it. */
    private static APIGatewayV2HTTPResponse postPage(String token) {
        FormGuard.Fields fields = guard.issue(token);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nonce", fields.nonce());
        form.put("csrf", fields.mac());
        form.put("level.alignment", "exemplary");
        form.put("level.decision", "exemplary");
        form.put("feedback", "Excellent.");
        form.put("outcome", "mastery");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return handler.dispatch(Call.postPage(token, body).event());
    }

    private static EnrollmentStatus statusOf(String submission) {
        return fixture.enrollmentNow(submission.substring(0, submission.indexOf('.'))).status();
    }

    @Test
    void decide_ownSubmission_asItsCoach_is403AndDecidesNothing() {
        String submission = ownSubmission();

        APIGatewayV2HTTPResponse response = call(Call.decide(submission, mastery()), CARL);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(body(response).path("type").asText()).endsWith("/own-submission");
        assertThat(body(response).path("detail").asText()).contains("your own submission", "another coach");
        assertThat(statusOf(submission)).isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void submission_readByItsLearnerWhoIsAlsoItsCoach_isTheLearnersViewThatMayNotDecide() {
        String submission = ownSubmission();

        var own = body(expect(call(Call.submission(submission), CARL), 200));

        assertThat(own.path("mayDecide").asBoolean(true)).isFalse();
        String other = fixture.submit(fixture.enrollment(MARIA, PRIYA), MARIA, "Tickets.", null);
        assertThat(body(expect(call(Call.submission(other), PRIYA), 200)).path("mayDecide").asBoolean()).isTrue();
        assertThat(body(expect(call(Call.submission(other), MARIA), 200)).path("mayDecide").asBoolean(true)).isFalse();
    }

    @Test
    void queue_leavesOutTheCoachsOwnSubmission() {
        String own = ownSubmission();
        String enrollment = fixture.enrollment(MARIA, CARL);
        String others = fixture.submit(enrollment, MARIA, "Maria's tickets.", null);

        var items = body(expect(call(Call.queue(), CARL), 200)).path("items");

        assertThat(items).extracting(item -> item.path("submissionId").asText()).contains(others).doesNotContain(own);
    }

    @Test
    void page_ofTheCoachsOwnSubmission_is403SayingWhy_andItsFormDecidesNothing() {
        String submission = ownSubmission();
        String token = fixture.token(submission, CARL);

        APIGatewayV2HTTPResponse page = handler.dispatch(Call.page(token).event());

        assertThat(page.getStatusCode()).isEqualTo(403);
        assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(page.getBody()).contains("your own submission", "another coach").doesNotContain("<form", "csrf");
        APIGatewayV2HTTPResponse posted = postPage(token);
        assertThat(posted.getStatusCode()).isEqualTo(403);
        assertThat(posted.getBody()).contains("your own submission");
        assertThat(statusOf(submission)).isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void page_ofACoachSinceDeactivated_saysTheLinkNoLongerWorks_andDecidesNothing() {
        Who former = Who.coach("u-erin-c", "Erin Former");
        fixture.coach(former, 1);
        String submission = fixture.submit(fixture.enrollment(MARIA, former), MARIA, "Tickets.", null);
        String token = fixture.token(submission, former);
        fixture.deactivateCoach(former);

        APIGatewayV2HTTPResponse page = handler.dispatch(Call.page(token).event());

        assertThat(page.getStatusCode()).isEqualTo(403);
        assertThat(page.getBody()).contains("no longer works", "reassign").doesNotContain("<form", "Maria", "Tickets.");
        assertThat(postPage(token).getStatusCode()).isEqualTo(403);
        assertThat(statusOf(submission)).isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void decide_byTheAssignedCoachWhoLostTheCoachRole_is403() {
        String submission = fixture.submit(fixture.enrollment(MARIA, PRIYA), MARIA, "Tickets.", null);
        Who priyaWithoutTheRole = new Who(PRIYA.userId(), PRIYA.email(), PRIYA.name(), PRIYA.organizationId(),
                "learner");

        APIGatewayV2HTTPResponse response = call(Call.decide(submission, mastery()), priyaWithoutTheRole);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(body(response).path("detail").asText()).contains("coach role");
        assertThat(statusOf(submission)).isEqualTo(EnrollmentStatus.SUBMITTED);
    }

    @Test
    void decideOrRead_byAnAssignedCoachDeactivatedSinceTheirTokenWasIssued_is403() {
        String submission = fixture.submit(fixture.enrollment(MARIA, DAN), MARIA, "Tickets.", null);
        fixture.deactivateCoach(DAN);

        APIGatewayV2HTTPResponse decided = call(Call.decide(submission, mastery()), DAN);
        APIGatewayV2HTTPResponse read = call(Call.submission(submission), DAN);

        assertThat(decided.getStatusCode()).isEqualTo(403);
        assertThat(body(decided).path("type").asText()).endsWith("/coach-inactive");
        assertThat(read.getStatusCode()).isEqualTo(403);
        assertThat(statusOf(submission)).isEqualTo(EnrollmentStatus.SUBMITTED);
        assertThat(expect(call(Call.submission(submission), ADMIN), 200).getBody()).contains("\"mayDecide\":false");
    }

    @Test
    void reminders_neverSendTheCoachALinkToTheirOwnOverdueSubmission_butTellTheAdmins() {
        String org = "org-self-remind";
        Who both = new Who("u-sr-bo", "bo@self.example", "Bo Both", org, "learner coach");
        Who admin = new Who("u-sr-ada", "ada@self.example", "Ada Admin", org, "org-admin");
        fixture.profile(org, "Self District", 5);
        fixture.member(org, admin, "org-admin");
        fixture.qualifiedCoach(both, org, 1);
        String enrollment = fixture.enrollment(both, both, org, "Self District");
        fixture.submit(enrollment, both, "My own tickets.", null);
        fixture.submittedAt(enrollment, "2026-03-02T09:00:00.000Z");
        Clock tuesday = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

        new ReviewReminderHandler(fixture.reminderEnvironment(), tuesday).handleRequest(
                new com.amazonaws.services.lambda.runtime.events.ScheduledEvent(), null);

        assertThat(fixture.outbox("reminder-" + both.userId() + "-2026-03-10")).as("no link to review their own")
                .isNullOrEmpty();
        assertThat(OutboxItems.email(fixture.outbox("overdue-" + org + "-2026-03-10")).text()).contains("Bo Both");
        Enrollment still = fixture.enrollmentNow(enrollment);
        assertThat(still.status()).isEqualTo(EnrollmentStatus.SUBMITTED);
    }
}
