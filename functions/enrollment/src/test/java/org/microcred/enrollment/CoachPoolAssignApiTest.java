package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;
import static org.microcred.emulators.junit.ApiResponses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.support.Person;
import org.microcred.enrollment.support.Requests;
import org.microcred.enrollment.support.Seed;
import org.microcred.records.organizations.CoachSeat;

/**
 * An admin naming a coach (the awaited coach, or another coach for a learner) when the
 * micro-credential has a coach pool: the coach must be in it, active, under their capacity and
 * not the learner; both of the coaches' counters move with the assignment.
 */
@ExtendWith(EmulatorsExtension.class)
class CoachPoolAssignApiTest {
    static final String ORG = "org-pool-assign";
    static final String COLLECTION = "assign-collection";
    static final Person ADMIN = Person.admin("u-pa-admin", ORG);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private static Seed seed;
    private static EnrollmentHandler handler;

    @BeforeAll
    static void seed(TestStack stack) {
        seed = new Seed(stack);
        seed.organization(ORG, "Pool Assign Schools", "members");
        handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
    }

    private static APIGatewayV2HTTPResponse call(Requests request, Person as) {
        return handler.dispatch(request.as(as).event());
    }

    private static Person learner(String name) {
        int n = PEOPLE.incrementAndGet();
        Person learner = Person.learner("u-pa-learner-" + n, "learner" + n + "@assign.example", name, ORG);
        seed.member(learner);
        return learner;
    }

    private static Person coach(String name, long open) {
        int n = PEOPLE.incrementAndGet();
        Person coach = Person.coach("u-pa-coach-" + n, "coach" + n + "@assign.example", name, ORG);
        seed.member(coach);
        seed.coach(coach, List.of(), List.of(COLLECTION), open);
        return coach;
    }

    private static Person learningCoach(String name) {
        int n = PEOPLE.incrementAndGet();
        Person person = Person.learningCoach("u-pa-lc-" + n, "lc" + n + "@assign.example", name, ORG);
        seed.member(person);
        seed.coach(person, List.of(), List.of(COLLECTION), 0);
        return person;
    }

    /** A micro-credential whose pool is empty for now, so enrolments in it await a coach. */
    private static String awaitingPool(String title) {
        String mc = seed.microCredential(ORG, COLLECTION, title);
        seed.pool(ORG, mc);
        return mc;
    }

    private static String enroll(Person learner, String mc, String expectedStatus) {
        JsonNode enrollment = ok(call(Requests.enroll(mc), learner), 201);
        assertThat(enrollment.get("status").asText()).isEqualTo(expectedStatus);
        return enrollment.get("id").asText();
    }

    /** Asserts a 422 of the type on field coachId, and that the enrolment is as it was. */
    private static JsonNode refused(String enrollmentId, Person coach, String type) {
        long version = Long.parseLong(seed.enrollmentAttribute(enrollmentId, "version").n());
        JsonNode problem = problem(call(Requests.assignCoach(enrollmentId, coach.userId()), ADMIN), 422);
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("coachId");
        assertThat(seed.enrollmentAttribute(enrollmentId, "version").n()).isEqualTo(Long.toString(version));
        return problem;
    }

    @Test
    void assignCoach_awaited_movesBothCountersOfTheCoach() {
        String mc = awaitingPool("Assigned from the pool");
        Person coach = coach("Ava Assigned", 3);
        String id = enroll(learner("Lin Waiting"), mc, "awaiting-coach");
        seed.pool(ORG, mc, new CoachSeat(coach.userId(), 1));

        JsonNode assigned = ok(call(Requests.assignCoach(id, coach.userId()), ADMIN), 200);

        assertThat(assigned.get("status").asText()).isEqualTo("in-progress");
        assertThat(seed.openEnrollments(ORG, coach.userId())).isEqualTo(4);
        assertThat(seed.openFor(ORG, coach.userId(), mc)).isEqualTo(1);
    }

    @Test
    void reassign_movesOpenForTheMicroCredentialFromTheOldCoachToTheNew() {
        String mc = seed.microCredential(ORG, COLLECTION, "Reassigned in the pool");
        Person first = coach("Fred First", 0);
        Person second = coach("Sue Second", 10);
        seed.openFor(first, mc, 4);
        seed.openFor(second, mc, 1);
        seed.pool(ORG, mc, new CoachSeat(first.userId(), null), new CoachSeat(second.userId(), 2));
        String id = enroll(learner("Max Moved"), mc, "in-progress");

        ok(call(Requests.assignCoach(id, second.userId()), ADMIN), 200);

        assertThat(seed.openEnrollments(ORG, first.userId())).isZero();
        assertThat(seed.openFor(ORG, first.userId(), mc)).isEqualTo(4);
        assertThat(seed.openEnrollments(ORG, second.userId())).isEqualTo(11);
        assertThat(seed.openFor(ORG, second.userId(), mc)).isEqualTo(2);
    }

    @Test
    void assignOrReassign_toACoachNotInThePool_is422NamingCoachId() {
        String mc = awaitingPool("Outside the pool");
        Person pooled = coach("Poppy Pooled", 0);
        Person outside = coach("Oscar Outside", 0);
        String awaiting = enroll(learner("Abe Awaiting"), mc, "awaiting-coach");
        seed.pool(ORG, mc, new CoachSeat(pooled.userId(), null));
        String inProgress = enroll(learner("Ira Inprogress"), mc, "in-progress");

        JsonNode problem = refused(awaiting, outside, "coach-not-in-pool");
        refused(inProgress, outside, "coach-not-in-pool");

        assertThat(problem.get("detail").asText()).isEqualTo("Oscar Outside is not in the coach pool of \"Outside "
                + "the pool\". Choose one of its coaches, or add them to the pool first.");
        assertThat(seed.openEnrollments(ORG, outside.userId())).isZero();
        assertThat(seed.openFor(ORG, pooled.userId(), mc)).isEqualTo(1);
    }

    @Test
    void assignOrReassign_toAnInactiveCoach_is422NamingCoachId() {
        String mc = awaitingPool("Inactive coach named");
        Person active = coach("Ari Active", 0);
        Person deactivated = coach("Dee Deactivated", 0);
        String awaiting = enroll(learner("Bo Awaiting"), mc, "awaiting-coach");
        seed.pool(ORG, mc, new CoachSeat(active.userId(), null), new CoachSeat(deactivated.userId(), null));
        seed.deactivate(deactivated);
        String inProgress = enroll(learner("Cy Inprogress"), mc, "in-progress");

        JsonNode problem = refused(awaiting, deactivated, "coach-inactive");
        refused(inProgress, deactivated, "coach-inactive");

        assertThat(problem.get("detail").asText()).startsWith("Dee Deactivated is no longer an active coach of Pool "
                + "Assign Schools");
        assertThat(seed.openEnrollments(ORG, deactivated.userId())).isZero();
    }

    @Test
    void assignOrReassign_toACoachAtCapacity_is422NamingCoachId() {
        String mc = awaitingPool("Full coach named");
        Person roomy = coach("Rio Roomy", 0);
        Person full = coach("Flo Full", 0);
        seed.openFor(full, mc, 2);
        String awaiting = enroll(learner("Dia Awaiting"), mc, "awaiting-coach");
        seed.pool(ORG, mc, new CoachSeat(roomy.userId(), null), new CoachSeat(full.userId(), 2));
        String inProgress = enroll(learner("Eli Inprogress"), mc, "in-progress");

        JsonNode problem = refused(awaiting, full, "coach-at-capacity");
        refused(inProgress, full, "coach-at-capacity");

        assertThat(problem.get("detail").asText()).isEqualTo("Flo Full already coaches 2 open enrolments of \"Full "
                + "coach named\", and their seat in its pool has a capacity of 2. Choose another coach, or raise "
                + "their capacity in the pool first.");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is at capacity (2 of 2)");
        assertThat(seed.openFor(ORG, full.userId(), mc)).isEqualTo(2);
    }

    @Test
    void assignOrReassign_toTheLearnerThemself_is422NamingCoachId() {
        String mc = awaitingPool("Own enrolment");
        Person other = coach("Ola Other", 0);
        Person waitingCoach = learningCoach("Wyn Waitingcoach");
        String awaiting = enroll(waitingCoach, mc, "awaiting-coach");
        seed.pool(ORG, mc, new CoachSeat(waitingCoach.userId(), null), new CoachSeat(other.userId(), null));
        Person coachingLearner = learningCoach("Cam Coachinglearner");
        seed.pool(ORG, mc, new CoachSeat(waitingCoach.userId(), null), new CoachSeat(other.userId(), null),
                new CoachSeat(coachingLearner.userId(), null));
        String inProgress = enroll(coachingLearner, mc, "in-progress");

        JsonNode problem = refused(awaiting, waitingCoach, "coach-is-learner");
        refused(inProgress, coachingLearner, "coach-is-learner");

        assertThat(problem.get("detail").asText()).isEqualTo("Wyn Waitingcoach is the learner of this enrolment, and "
                + "nobody may coach their own enrolment. Choose another coach.");
        assertThat(seed.openEnrollments(ORG, waitingCoach.userId())).isZero();
        assertThat(seed.openEnrollments(ORG, coachingLearner.userId())).isZero();
    }

    @Test
    void assignCoach_toAWaitingPlc_needsRoomForEveryLearnerInIt() {
        String mc = awaitingPool("PLC waiting for room");
        Person oneLeft = coach("Ona Oneleft", 0);
        Person first = learner("Gil Plc");
        Person second = learner("Hal Plc");
        String id = ok(call(Requests.enroll(mc).json(Map.of("plcMemberEmails", List.of(second.email()))),
                first), 201).get("id").asText();
        seed.pool(ORG, mc, new CoachSeat(oneLeft.userId(), 1));

        JsonNode problem = refused(id, oneLeft, "coach-at-capacity");

        assertThat(problem.get("detail").asText()).startsWith("Ona Oneleft has room for 1 more learner of \"PLC "
                + "waiting for room\" (capacity 1, 0 open now), and the 2 learners of this PLC waiting for a coach "
                + "share one.");
        assertThat(seed.openFor(ORG, oneLeft.userId(), mc)).isZero();
    }
}
