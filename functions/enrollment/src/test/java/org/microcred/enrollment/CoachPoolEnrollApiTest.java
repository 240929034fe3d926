package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Enrolment's coach choice from the organisation's coach pools (issue 12): only the pool's
 * coaches, active, under their capacity for the micro-credential, never the learner themself;
 * and both of a coach's counters ({@code openEnrollments} and {@code open#<mcId>}) move with
 * every enrolment and withdrawal.
 */
@ExtendWith(EmulatorsExtension.class)
class CoachPoolEnrollApiTest {
    static final String ORG = "org-pools";
    static final String COLLECTION = "pool-collection";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private static Seed seed;
    private static TestStack stack;
    private static EnrollmentHandler handler;

    @BeforeAll
    static void seed(TestStack testStack) {
        stack = testStack;
        seed = new Seed(stack);
        seed.organization(ORG, "Pool County Schools", "members");
        handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
    }

    private static Person learner(String name) {
        int n = PEOPLE.incrementAndGet();
        Person learner = Person.learner("u-pl-learner-" + n, "learner" + n + "@pools.example", name, ORG);
        seed.member(learner);
        return learner;
    }

    /** A member with the coach role; their coach entry is up to the test. */
    private static Person coachMember(String name) {
        int n = PEOPLE.incrementAndGet();
        Person coach = Person.coach(String.format("u-pl-coach-%03d", n), "coach" + n + "@pools.example", name, ORG);
        seed.member(coach);
        return coach;
    }

    /** A coach qualified (by collection) for the pooled micro-credentials of this test, with {@code open} open enrolments. */
    private static Person coach(String name, long open) {
        Person coach = coachMember(name);
        seed.coach(coach, List.of(), List.of(COLLECTION), open);
        return coach;
    }

    private static Person learningCoach(String name) {
        int n = PEOPLE.incrementAndGet();
        Person person = Person.learningCoach("u-pl-lc-" + n, "lc" + n + "@pools.example", name, ORG);
        seed.member(person);
        seed.coach(person, List.of(), List.of(COLLECTION), 0);
        return person;
    }

    private static String microCredential(String title) {
        return seed.microCredential(ORG, COLLECTION, title);
    }

    private static JsonNode enroll(Person learner, String microCredentialId) {
        return ok(handler.dispatch(Requests.enroll(microCredentialId).as(learner).event()), 201);
    }

    private static String coachOf(JsonNode enrollment) {
        return enrollment.has("coach") ? enrollment.get("coach").get("id").asText() : null;
    }

    @Test
    void enrol_whenPoolExists_choosesOnlyAmongItsCoaches() {
        String mc = microCredential("Pool restricts the choice");
        Person idleOutsidePool = coach("Ida Idle", 0);
        Person busy = coach("Bea Busy", 7);
        Person lighter = coach("Lea Lighter", 3);
        seed.pool(ORG, mc, new CoachSeat(busy.userId(), null), new CoachSeat(lighter.userId(), null));

        JsonNode enrollment = enroll(learner("Pat Pool"), mc);

        assertThat(coachOf(enrollment)).isEqualTo(lighter.userId());
        assertThat(seed.openEnrollments(ORG, idleOutsidePool.userId())).isZero();
    }

    @Test
    void enrol_whenPoolCoachAtCapacity_choosesNextLeastLoaded() {
        String mc = microCredential("Capacity respected");
        Person full = coach("Fay Full", 1);
        Person next = coach("Ned Next", 5);
        seed.openFor(full, mc, 2);
        seed.pool(ORG, mc, new CoachSeat(full.userId(), 2), new CoachSeat(next.userId(), null));

        JsonNode enrollment = enroll(learner("Cal Capacity"), mc);

        assertThat(coachOf(enrollment)).isEqualTo(next.userId());
        assertThat(seed.openFor(ORG, full.userId(), mc)).isEqualTo(2);
        assertThat(seed.openEnrollments(ORG, full.userId())).isEqualTo(1);
    }

    @Test
    void enrol_whenEveryPoolCoachIsAtCapacity_awaitsACoach() {
        String mc = microCredential("Everyone full");
        Person full = coach("Fin Full", 0);
        seed.openFor(full, mc, 1);
        seed.pool(ORG, mc, new CoachSeat(full.userId(), 1));

        JsonNode enrollment = enroll(learner("Wes Waiting"), mc);

        assertThat(enrollment.get("status").asText()).isEqualTo("awaiting-coach");
        assertThat(seed.openFor(ORG, full.userId(), mc)).isEqualTo(1);
    }

    @Test
    void enrol_whenPoolCoachIsInactive_skipsThem() {
        String mc = microCredential("Inactive pool coach");
        Person deactivated = coach("Dot Deactivated", 0);
        Person active = coach("Abe Active", 9);
        seed.pool(ORG, mc, new CoachSeat(deactivated.userId(), null), new CoachSeat(active.userId(), null));
        seed.deactivate(deactivated);

        JsonNode enrollment = enroll(learner("Ian Inactive"), mc);

        assertThat(coachOf(enrollment)).isEqualTo(active.userId());
        assertThat(seed.openEnrollments(ORG, deactivated.userId())).isZero();
    }

    @Test
    void enrol_withoutPool_keepsTheQualificationRuleButSkipsInactiveCoaches() {
        String mc = seed.microCredential(ORG, "no-pool-collection", "No pool here");
        Person deactivated = coachMember("Del Deactivated");
        Person qualified = coachMember("Quy Qualified");
        Person unqualified = coachMember("Una Unqualified");
        seed.coach(deactivated, List.of(mc), List.of(), 0);
        seed.coach(qualified, List.of(mc), List.of(), 11);
        seed.coach(unqualified, List.of(), List.of("elsewhere"), 0);
        seed.deactivate(deactivated);

        JsonNode enrollment = enroll(learner("Nia Nopool"), mc);

        assertThat(coachOf(enrollment)).isEqualTo(qualified.userId());
    }

    @Test
    void enrol_whenPoolCoachIsCalibratingForIt_skipsThem() {
        String mc = microCredential("Calibrating pool coach");
        Person calibrating = coach("Cleo Calibrating", 0);
        Person live = coach("Liv Live", 4);
        seed.calibrating(calibrating, mc);
        seed.pool(ORG, mc, new CoachSeat(calibrating.userId(), null), new CoachSeat(live.userId(), null));

        assertThat(coachOf(enroll(learner("Kai Calibration"), mc))).isEqualTo(live.userId());
    }

    @Test
    void enrol_learnerWhoIsAPoolCoach_neverGetsThemself() {
        String mc = microCredential("Coach learns too");
        Person learningCoach = learningCoach("Lou Learner");
        Person other = coach("Oli Other", 6);
        seed.pool(ORG, mc, new CoachSeat(learningCoach.userId(), null), new CoachSeat(other.userId(), null));

        JsonNode own = enroll(learningCoach, mc);
        JsonNode someoneElse = enroll(learner("Sam Someone"), mc);

        assertThat(coachOf(own)).isEqualTo(other.userId());
        assertThat(coachOf(someoneElse)).as("still coaches others").isEqualTo(learningCoach.userId());
    }

    @Test
    void enrol_learnerWhoIsThePoolsOnlyCoach_awaitsAnotherCoach() {
        String mc = microCredential("Only coach learns");
        Person learningCoach = learningCoach("Sol Solo");
        seed.pool(ORG, mc, new CoachSeat(learningCoach.userId(), null));

        JsonNode own = enroll(learningCoach, mc);

        assertThat(own.get("status").asText()).isEqualTo("awaiting-coach");
        assertThat(seed.openEnrollments(ORG, learningCoach.userId())).isZero();
    }

    @Test
    void enrol_andWithdraw_moveOpenForTheMicroCredentialWithOpenEnrollments() {
        String mc = microCredential("Counters move");
        String otherMc = microCredential("Counters elsewhere");
        Person coach = coach("Cora Counter", 4);
        seed.openFor(coach, mc, 2);
        seed.openFor(coach, otherMc, 2);
        seed.pool(ORG, mc, new CoachSeat(coach.userId(), 5));
        Person learner = learner("Ed Enrol");

        String id = enroll(learner, mc).get("id").asText();

        assertThat(seed.openEnrollments(ORG, coach.userId())).isEqualTo(5);
        assertThat(seed.openFor(ORG, coach.userId(), mc)).isEqualTo(3);

        ok(handler.dispatch(Requests.withdraw(id).as(learner).event()), 200);

        assertThat(seed.openEnrollments(ORG, coach.userId())).isEqualTo(4);
        assertThat(seed.openFor(ORG, coach.userId(), mc)).isEqualTo(2);
        assertThat(seed.openFor(ORG, coach.userId(), otherMc)).isEqualTo(2);
    }

    @Test
    void enrol_withAPlc_needsRoomForTheWholeGroup_andCountsEveryone() {
        String mc = microCredential("PLC fits");
        Person twoLeft = coach("Tom Twoleft", 0);
        Person roomy = coach("Rae Roomy", 8);
        seed.openFor(twoLeft, mc, 1);
        seed.pool(ORG, mc, new CoachSeat(twoLeft.userId(), 3), new CoachSeat(roomy.userId(), null));
        Person first = learner("Pia Plc");
        Person second = learner("Quentin Plc");
        Person third = learner("Ruth Plc");

        JsonNode enrollment = ok(handler.dispatch(Requests.enroll(mc).json(Map.of("plcMemberEmails",
                List.of(second.email(), third.email()))).as(first).event()), 201);

        assertThat(coachOf(enrollment)).isEqualTo(roomy.userId());
        assertThat(seed.openEnrollments(ORG, roomy.userId())).isEqualTo(11);
        assertThat(seed.openFor(ORG, roomy.userId(), mc)).isEqualTo(3);
        assertThat(seed.openFor(ORG, twoLeft.userId(), mc)).isEqualTo(1);
    }

    @Test
    void enrol_concurrently_neverFillsASeatBeyondItsCapacity() throws Exception {
        String mc = microCredential("Race for the last seats");
        Person coach = coach("Ray Race", 0);
        seed.pool(ORG, mc, new CoachSeat(coach.userId(), 2));
        List<Person> learners = List.of(learner("Ann Race"), learner("Ben Race"), learner("Cat Race"),
                learner("Dan Race"), learner("Eve Race"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(learners.size());
        List<Future<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (Person learner : learners) {
            // Each thread its own handler, as separate Lambda containers would be.
            EnrollmentHandler own = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
            calls.add(pool.submit(() -> {
                start.await();
                return own.dispatch(Requests.enroll(mc).as(learner).event());
            }));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> call : calls) {
            APIGatewayV2HTTPResponse response = call.get();
            // Six rounds of retries normally suffice; a 409 (nothing written) is an allowed answer.
            assertThat(response.getStatusCode()).as(response.getBody()).isIn(201, 409);
            if (response.getStatusCode() == 201) {
                statuses.add(ok(response, 201).get("status").asText());
            }
        }
        pool.shutdown();

        long coached = statuses.stream().filter("in-progress"::equals).count();
        assertThat(coached).as("seats taken in %s", statuses).isBetween(1L, 2L);
        assertThat(seed.openFor(ORG, coach.userId(), mc)).isEqualTo(coached);
        assertThat(seed.openEnrollments(ORG, coach.userId())).isEqualTo(coached);
    }
}
