package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;
import static org.microcred.emulators.junit.ApiResponses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.microcred.records.learning.OutboxItems;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.enrollment.support.Person;
import org.microcred.enrollment.support.Requests;
import org.microcred.enrollment.support.Seed;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An admin moves a learner, or a waiting review, to another coach: loads move, the learner and
 * both coaches are emailed, a waiting review's new coach gets a working review link.
 */
@ExtendWith(EmulatorsExtension.class)
class ReassignCoachApiTest {
    static final String KEY = "reassign-test-review-link-key-0123456789abcdef";
    static final String ORG = "org-reassign";
    static final String OTHER_ORG = "org-elsewhere";
    static final Person LEARNER_A = Person.learner("u-ra-ana", "ana@reassign.example", "Ana Ruiz", ORG);
    static final Person LEARNER_B = Person.learner("u-ra-ben", "ben@reassign.example", "Ben Okafor", ORG);
    static final Person LEARNER_C = Person.learner("u-ra-cai", "cai@reassign.example", "Cai Jones", ORG);
    static final Person LEARNER_D = Person.learner("u-ra-dee", "dee@reassign.example", "Dee Park", ORG);
    static final Person LEARNER_E = Person.learner("u-ra-eli", "eli@reassign.example", "Eli Stone", ORG);
    static final Person LEARNER_F = Person.learner("u-ra-fay", "fay@reassign.example", "Fay Lund", ORG);
    static final Person LEARNER_G = Person.learner("u-ra-gus", "gus@reassign.example", "Gus Moreno", ORG);
    static final Person ODA = Person.coach("u-ra-oda", "oda@reassign.example", "Oda Nakamura", ORG);
    static final Person PIA = Person.coach("u-ra-pia", "pia@reassign.example", "Pia Larsen", ORG);
    static final Person QUIN = Person.coach("u-ra-quin", "quin@reassign.example", "Quin Adeyemi", ORG);
    static final Person UNQUALIFIED = Person.coach("u-ra-ulla", "ulla@reassign.example", "Ulla Berg", ORG);
    static final Person STRANGER = Person.coach("u-ra-stranger", "stranger@elsewhere.example", "Sam Field", OTHER_ORG);
    static final Person ADMIN = Person.admin("u-ra-admin", ORG);
    static final Person OTHER_ADMIN = Person.admin("u-ra-other-admin", OTHER_ORG);

    private static Seed seed;
    private static EnrollmentHandler handler;
    private static String microCredential;
    private static ReviewLinks links;
    private static FunctionEnvironment environment;

    @BeforeAll
    static void seed(TestStack stack) {
        seed = new Seed(stack);
        seed.organization(ORG, "Reassign Unified", "members");
        seed.organization(OTHER_ORG, "Elsewhere Schools", "members");
        for (Person person : List.of(LEARNER_A, LEARNER_B, LEARNER_C, LEARNER_D, LEARNER_E, LEARNER_F, LEARNER_G)) {
            seed.member(person);
        }
        microCredential = seed.microCredential(ORG, "reassign-collection", "Questioning Strategies");
        // Oda coaches everyone at first (far less loaded); Pia by collection, Quin by the id itself.
        seed.coach(ODA, List.of(), List.of("reassign-collection"), 0);
        seed.coach(PIA, List.of(), List.of("reassign-collection"), 50);
        seed.coach(QUIN, List.of(microCredential), List.of(), 60);
        seed.coach(UNQUALIFIED, List.of(), List.of("something-else"), 0);
        seed.coach(STRANGER, List.of(microCredential), List.of(), 0);
        environment = stack.environment("EnrollmentFunction").with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, KEY);
        handler = new EnrollmentHandler(environment);
        links = new ReviewLinks(KEY.getBytes(StandardCharsets.UTF_8), ReviewLinks.DEFAULT_VALIDITY);
    }

    private static APIGatewayV2HTTPResponse call(Requests request, Person as) {
        return handler.dispatch(request.as(as).event());
    }

    /** Enrols the learner (coached by Oda) and moves the enrolment to {@code status}; returns its id. */
    private static String enrolled(Person learner, String status, int attempts) {
        JsonNode enrolled = ok(call(Requests.enroll(microCredential), learner), 201);
        assertThat(enrolled.get("coach").get("name").asText()).isEqualTo(ODA.name());
        String id = enrolled.get("id").asText();
        if (!status.equals("in-progress")) {
            seed.status(id, status, attempts);
        }
        return id;
    }

    private static Map<String, AttributeValue> onlyEmail(String messageId) {
        List<Map<String, AttributeValue>> found = seed.outbox(messageId).stream()
                .filter(item -> item.get("messageId").s().equals(messageId)).toList();
        assertThat(found).as("outbox email %s", messageId).hasSize(1);
        return found.get(0);
    }

    private static List<String> to(Map<String, AttributeValue> email) {
        return email.get("to").l().stream().map(AttributeValue::s).toList();
    }

    @Test
    void reassign_inProgress_movesTheCoachAndTheLoads_andEmailsLearnerAndBothCoaches() {
        String id = enrolled(LEARNER_A, "in-progress", 0);
        long odaLoad = seed.openEnrollments(ORG, ODA.userId());
        long piaLoad = seed.openEnrollments(ORG, PIA.userId());

        JsonNode moved = ok(call(Requests.assignCoach(id, PIA.userId()), ADMIN), 200);

        assertThat(moved.get("status").asText()).isEqualTo("in-progress");
        assertThat(moved.get("coach").get("name").asText()).isEqualTo(PIA.name());
        assertThat(moved.get("version").asLong()).isEqualTo(2);
        assertThat(seed.openEnrollments(ORG, ODA.userId())).isEqualTo(odaLoad - 1);
        assertThat(seed.openEnrollments(ORG, PIA.userId())).isEqualTo(piaLoad + 1);
        Map<String, AttributeValue> learner = onlyEmail(id + "#reassigned-2-learner");
        assertThat(to(learner)).containsExactly(LEARNER_A.email());
        assertThat(learner.get("subject").s()).isEqualTo("Your new coach for Questioning Strategies is Pia Larsen");
        assertThat(learner.get("replyTo").s()).isEqualTo(PIA.email());
        assertThat(to(onlyEmail(id + "#reassigned-2-old-coach"))).containsExactly(ODA.email());
        Map<String, AttributeValue> newCoach = onlyEmail(id + "#reassigned-2-new-coach");
        assertThat(to(newCoach)).containsExactly(PIA.email());
        assertThat(OutboxItems.email(newCoach).text()).contains("Ana Ruiz").doesNotContain("/review/");
        assertThat(seed.enrollmentAttribute(id, "coachKey").s()).isEqualTo("COACH#" + PIA.userId());
    }

    @Test
    void reassign_needsRevision_isAllowed_andToAQualifiedByIdCoach() {
        String id = enrolled(LEARNER_B, "needs-revision", 1);

        JsonNode moved = ok(call(Requests.assignCoach(id, QUIN.userId()), ADMIN), 200);

        assertThat(moved.get("status").asText()).isEqualTo("needs-revision");
        assertThat(moved.get("coach").get("name").asText()).isEqualTo(QUIN.name());
        assertThat(to(onlyEmail(id + "#reassigned-3-new-coach"))).containsExactly(QUIN.email());
    }

    @Test
    void reassign_aWaitingReview_givesTheNewCoachALinkToTheAttempt_andKeepsTheSubmissionTime() {
        String id = enrolled(LEARNER_C, "submitted", 2);
        String submittedAt = seed.enrollmentAttribute(id, "updatedAt").s();

        JsonNode moved = ok(call(Requests.assignCoach(id, PIA.userId()), ADMIN), 200);

        assertThat(moved.get("status").asText()).isEqualTo("submitted");
        assertThat(seed.enrollmentAttribute(id, "updatedAt").s()).as("waiting time not reset").isEqualTo(submittedAt);
        Map<String, AttributeValue> email = onlyEmail(id + "#reassigned-3-new-coach");
        assertThat(email.get("subject").s()).startsWith("Please review: Cai Jones");
        Matcher link = Pattern.compile("/review/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)").matcher(OutboxItems.email(email).text());
        assertThat(link.find()).as("a review link in %s", OutboxItems.email(email).text()).isTrue();
        ReviewLinks.Grant grant = links.verify(link.group(1), Instant.now()).orElseThrow();
        assertThat(grant.submissionId()).isEqualTo(id + ".2");
        assertThat(grant.coachId()).isEqualTo(PIA.userId());
        assertThat(OutboxItems.email(onlyEmail(id + "#reassigned-3-old-coach")).text()).contains("no longer works");
    }

    @Test
    void reassign_masteredOrWithdrawn_is409AndWritesNothing() {
        String mastered = enrolled(LEARNER_D, "mastered", 1);
        String withdrawn = enrolled(LEARNER_E, "withdrawn", 0);
        long piaLoad = seed.openEnrollments(ORG, PIA.userId());

        JsonNode first = problem(call(Requests.assignCoach(mastered, PIA.userId()), ADMIN), 409);
        JsonNode second = problem(call(Requests.assignCoach(withdrawn, PIA.userId()), ADMIN), 409);

        assertThat(first.get("type").asText()).endsWith("/invalid-transition");
        assertThat(first.get("detail").asText()).startsWith("This enrolment is mastered; only an enrolment that is "
                + "in progress, submitted (a waiting review) or needs revision can move to another coach.");
        assertThat(second.get("detail").asText()).startsWith("This enrolment is withdrawn;");
        assertThat(seed.enrollmentAttribute(mastered, "coachId").s()).isEqualTo(ODA.userId());
        assertThat(seed.openEnrollments(ORG, PIA.userId())).isEqualTo(piaLoad);
        assertThat(seed.outbox(mastered + "#reassigned")).isEmpty();
    }

    @Test
    void reassign_toSomeoneOutsideThePool_orUnqualified_is422AndWritesNothing() {
        String id = enrolled(LEARNER_F, "in-progress", 0);

        JsonNode outside = problem(call(Requests.assignCoach(id, STRANGER.userId()), ADMIN), 422);
        JsonNode unqualified = problem(call(Requests.assignCoach(id, UNQUALIFIED.userId()), ADMIN), 422);

        assertThat(outside.get("type").asText()).endsWith("/not-a-coach");
        assertThat(unqualified.get("type").asText()).endsWith("/coach-not-qualified");
        assertThat(unqualified.get("detail").asText()).isEqualTo("Ulla Berg is not qualified to coach \"Questioning "
                + "Strategies\". Choose a coach whose qualifications include it, or add it to theirs first.");
        assertThat(seed.enrollmentAttribute(id, "version").n()).isEqualTo("1");
        assertThat(seed.openEnrollments(ORG, UNQUALIFIED.userId())).isZero();
        assertThat(seed.outbox(id + "#reassigned")).isEmpty();
    }

    @Test
    void reassign_onlyByTheOrganisationsAdmin() {
        String id = enrolled(LEARNER_G, "submitted", 1);

        problem(call(Requests.assignCoach(id, PIA.userId()), OTHER_ADMIN), 404);
        problem(call(Requests.assignCoach(id, PIA.userId()), LEARNER_G), 403);
        problem(call(Requests.assignCoach(id, PIA.userId()), ODA), 403);

        assertThat(seed.enrollmentAttribute(id, "coachId").s()).isEqualTo(ODA.userId());
        assertThat(ok(call(Requests.assignCoach(id, ODA.userId()), ADMIN), 200).get("version").asLong())
                .as("naming the current coach changes nothing").isEqualTo(2);
    }

    @Test
    void reassign_concurrently_commitsEachMoveWhole_andLoadsStayConsistent() throws Exception {
        Person learner = Person.learner("u-ra-hal", "hal@reassign.example", "Hal Quist", ORG);
        seed.member(learner);
        String id = enrolled(learner, "submitted", 1);
        long total = seed.openEnrollments(ORG, ODA.userId()) + seed.openEnrollments(ORG, PIA.userId())
                + seed.openEnrollments(ORG, QUIN.userId());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (Person coach : List.of(PIA, QUIN)) {
            // Each thread its own handler, as two Lambda containers would be.
            EnrollmentHandler own = new EnrollmentHandler(environment);
            calls.add(pool.submit(() -> {
                start.await();
                return own.dispatch(Requests.assignCoach(id, coach.userId()).as(ADMIN).event());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> call : calls) {
            statuses.add(call.get().getStatusCode());
        }
        pool.shutdown();

        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        long moves = statuses.stream().filter(status -> status == 200).count();
        assertThat(seed.enrollmentAttribute(id, "version").n()).isEqualTo(Long.toString(2 + moves));
        assertThat(seed.openEnrollments(ORG, ODA.userId()) + seed.openEnrollments(ORG, PIA.userId())
                + seed.openEnrollments(ORG, QUIN.userId())).as("one open enrolment, counted once").isEqualTo(total);
        assertThat(seed.outbox(id + "#reassigned")).hasSize((int) (3 * moves));
        String coach = seed.enrollmentAttribute(id, "coachId").s();
        assertThat(coach).isIn(PIA.userId(), QUIN.userId());
    }

}
