package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;
import static org.microcred.emulators.junit.ApiResponses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.support.Person;
import org.microcred.enrollment.support.Requests;
import org.microcred.enrollment.support.Seed;

/**
 * After enrolment: who sees what, withdrawing, admins assigning the awaited coach and
 * listing their organisation's enrolments by status.
 */
@ExtendWith(EmulatorsExtension.class)
class EnrollmentManagementApiTest {
    static final String RIVERBEND = "org-riverbend";
    static final String LAKESHORE = "org-lakeshore";
    static final String QUEUE_ORG = "org-queue";
    static final String OTHER_QUEUE_ORG = "org-other-queue";
    static final Person MARIA = Person.learner("u-maria", "maria@riverbend.k12.example", "Maria Delgado", RIVERBEND);
    static final Person JAMAL = Person.learner("u-jamal", "jamal@riverbend.k12.example", "Jamal Washington", RIVERBEND);
    static final Person MEI = Person.learner("u-mei", "mei@riverbend.k12.example", "Mei Lin Chen", RIVERBEND);
    static final Person ROSA = Person.learner("u-rosa", "rosa@riverbend.k12.example", "Rosa Gutierrez", RIVERBEND);
    static final Person AISHA = Person.learner("u-aisha", "aisha@lakeshore-virtual.example", "Aisha Bello", LAKESHORE);
    static final Person PRIYA = Person.coach("u-priya", "priya@riverbend.k12.example", "Priya Raman", RIVERBEND);
    static final Person SAMUEL = Person.coach("u-samuel", "samuel@riverbend.k12.example", "Samuel Greene", RIVERBEND);
    static final Person KWAME = Person.coach("u-kwame", "kwame@lakeshore-virtual.example", "Kwame Mensah", LAKESHORE);
    static final Person GRACE = Person.admin("u-grace", RIVERBEND);
    static final Person LEILANI = Person.admin("u-leilani", LAKESHORE);
    static final Person QUEUE_ADMIN = Person.admin("u-queue-admin", QUEUE_ORG);
    static final Person OTHER_QUEUE_ADMIN = Person.admin("u-other-queue-admin", OTHER_QUEUE_ORG);

    private static Seed seed;
    private static EnrollmentHandler handler;

    @BeforeAll
    static void seed(TestStack stack) {
        seed = new Seed(stack);
        seed.organization(RIVERBEND, "Riverbend Unified School District", "members");
        seed.organization(LAKESHORE, "Lakeshore State Virtual School", "email-domains", "lakeshore-virtual.example");
        seed.organization(QUEUE_ORG, "Queue County Schools", "anyone");
        seed.organization(OTHER_QUEUE_ORG, "Other County Schools", "anyone");
        for (Person person : List.of(MARIA, JAMAL, MEI, ROSA, AISHA)) {
            seed.member(person);
        }
        seed.coach(PRIYA, List.of(), List.of("formative-assessment"), 0);
        // Samuel is in the pool but qualified for nothing: only an admin can give him learners.
        seed.coach(SAMUEL, List.of(), List.of(), 0);
        seed.coach(KWAME, List.of(), List.of("formative-assessment"), 0);
        handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
    }

    private static APIGatewayV2HTTPResponse call(Requests request, Person as) {
        return handler.dispatch(request.as(as).event());
    }

    private static JsonNode enroll(Person who, String microCredentialId, Person... colleagues) {
        Requests request = Requests.enroll(microCredentialId);
        if (colleagues.length > 0) {
            request.json(Map.of("plcMemberEmails", List.of(colleagues).stream().map(Person::email).toList()));
        }
        return ok(call(request, who), 201);
    }

    private static String coached(String title) {
        return seed.microCredential(RIVERBEND, "formative-assessment", title);
    }

    private static String uncoached(String title) {
        return seed.microCredential(RIVERBEND, "no-coach-yet", title);
    }

    @Test
    void withdraw_keepsTheEnrolment_freesTheCoach_andLetsTheLearnerEnrolAgain() {
        String id = coached("Withdraw and return");
        String first = enroll(MARIA, id).get("id").asText();
        long load = seed.openEnrollments(RIVERBEND, PRIYA.userId());

        JsonNode withdrawn = ok(call(Requests.withdraw(first), MARIA), 200);

        assertThat(withdrawn.get("status").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("version").asLong()).isEqualTo(2);
        assertThat(withdrawn.get("nextStep").asText()).contains("You withdrew");
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(load - 1);
        assertThat(ok(call(Requests.withdraw(first), MARIA), 200).get("version").asLong()).as("withdrawing twice").isEqualTo(2);

        String second = enroll(MARIA, id).get("id").asText();

        assertThat(second).isNotEqualTo(first);
        JsonNode mine = ok(call(Requests.myEnrollments(), MARIA), 200).get("items");
        assertThat(mine).filteredOn(item -> item.get("microCredentialId").asText().equals(id))
                .extracting(item -> item.get("id").asText() + " " + item.get("status").asText())
                .containsExactly(second + " in-progress", first + " withdrawn");
    }

    @Test
    void withdraw_byTheOrganisationsAdmin_isAllowed_byOthersNot() {
        String id = coached("Withdrawn by admin");
        String enrollmentId = enroll(JAMAL, id).get("id").asText();

        problem(call(Requests.withdraw(enrollmentId), MARIA), 404);
        problem(call(Requests.withdraw(enrollmentId), LEILANI), 404);
        problem(call(Requests.withdraw(enrollmentId), PRIYA), 403);

        assertThat(ok(call(Requests.withdraw(enrollmentId), GRACE), 200).get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void assignCoach_toAnEnrolmentAwaitingOne_movesItInProgressAndEmailsBoth() {
        String id = uncoached("Awaiting then assigned");
        JsonNode awaiting = enroll(ROSA, id);
        String enrollmentId = awaiting.get("id").asText();
        assertThat(awaiting.get("status").asText()).isEqualTo("awaiting-coach");
        long load = seed.openEnrollments(RIVERBEND, SAMUEL.userId());

        JsonNode assigned = ok(call(Requests.assignCoach(enrollmentId, SAMUEL.userId()), GRACE), 200);

        assertThat(assigned.get("status").asText()).isEqualTo("in-progress");
        assertThat(assigned.get("coach").get("name").asText()).isEqualTo("Samuel Greene");
        assertThat(assigned.get("version").asLong()).isEqualTo(2);
        assertThat(seed.openEnrollments(RIVERBEND, SAMUEL.userId())).isEqualTo(load + 1);
        var learnerEmail = seed.outbox(enrollmentId + "#coach-assigned");
        assertThat(learnerEmail).hasSize(1);
        assertThat(learnerEmail.get(0).get("subject").s()).isEqualTo("Your coach for Awaiting then assigned is Samuel Greene");
        assertThat(learnerEmail.get(0).get("replyTo").s()).isEqualTo(SAMUEL.email());
        assertThat(seed.outbox(enrollmentId + "#coach-new-learner")).hasSize(1);

        // Now it has a coach, naming another one is a reassignment, which needs a qualified coach.
        JsonNode again = problem(call(Requests.assignCoach(enrollmentId, PRIYA.userId()), GRACE), 422);
        assertThat(again.get("type").asText()).endsWith("/coach-not-qualified");
    }

    @Test
    void assignCoach_whoIsNotInThePool_is422AndWritesNothing() {
        String id = uncoached("Wrong coach");
        String enrollmentId = enroll(MEI, id).get("id").asText();

        JsonNode problem = problem(call(Requests.assignCoach(enrollmentId, KWAME.userId()), GRACE), 422);

        assertThat(problem.get("type").asText()).endsWith("/not-a-coach");
        assertThat(problem.get("detail").asText()).isEqualTo("u-kwame is not a coach of Riverbend Unified School District.");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("coachId");
        JsonNode unchanged = ok(call(Requests.enrollment(enrollmentId), MEI), 200);
        assertThat(unchanged.get("status").asText()).isEqualTo("awaiting-coach");
        assertThat(unchanged.get("version").asLong()).isEqualTo(1);
        assertThat(seed.outbox(enrollmentId + "#coach-assigned")).isEmpty();
        assertThat(seed.openEnrollments(LAKESHORE, KWAME.userId())).isZero();
    }

    @Test
    void assignCoach_onlyByTheOrganisationsAdmin_andWithACoachId() {
        String id = uncoached("Who may assign");
        String enrollmentId = enroll(MARIA, id).get("id").asText();

        problem(call(Requests.assignCoach(enrollmentId, PRIYA.userId()), MARIA), 403);
        problem(call(Requests.assignCoach(enrollmentId, PRIYA.userId()), LEILANI), 404);
        assertThat(problem(call(Requests.assignCoach(enrollmentId, null).json("{\"coach\": \"u-priya\"}"), GRACE), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("coach");
        assertThat(problem(call(Requests.assignCoach(enrollmentId, " "), GRACE), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("coachId");
    }

    @Test
    void assignCoach_toAPlcMember_givesTheWholeWaitingPlcTheSameCoach() {
        String id = uncoached("PLC waiting together");
        JsonNode enrollment = enroll(JAMAL, id, MEI, ROSA);
        String enrollmentId = enrollment.get("id").asText();

        JsonNode assigned = ok(call(Requests.assignCoach(enrollmentId, PRIYA.userId()), GRACE), 200);

        assertThat(assigned.get("plc").get("members")).hasSize(3)
                .allSatisfy(member -> assertThat(member.get("status").asText()).isEqualTo("in-progress"));
        JsonNode meis = EnrollApiTest.find(ok(call(Requests.myEnrollments(), MEI), 200).get("items"), id);
        assertThat(meis.get("coach").get("id").asText()).isEqualTo(PRIYA.userId());
        assertThat(seed.outbox(meis.get("id").asText() + "#coach-assigned")).hasSize(1);
        assertThat(seed.outbox(enrollmentId + "#coach-new-learner").get(0).get("subject").s())
                .startsWith("You have 3 new learners");
    }

    @Test
    void detail_isFullForLearnerCoachAndAdmin_statusOnlyForPlcPeers_andHiddenFromEveryoneElse() {
        String id = coached("Who sees what");
        JsonNode enrollment = enroll(MARIA, id, JAMAL);
        String enrollmentId = enrollment.get("id").asText();

        for (Person full : List.of(MARIA, PRIYA, GRACE)) {
            JsonNode view = ok(call(Requests.enrollment(enrollmentId), full), 200);
            assertThat(view.get("view").asText()).as(full.userId()).isEqualTo("full");
            assertThat(view.get("learner").get("email").asText()).isEqualTo(MARIA.email());
        }
        JsonNode peer = ok(call(Requests.enrollment(enrollmentId), JAMAL), 200);
        assertThat(peer.get("view").asText()).isEqualTo("plc-peer");
        assertThat(peer.get("status").asText()).isEqualTo("in-progress");
        assertThat(peer.get("learnerName").asText()).isEqualTo("Maria Delgado");
        assertThat(peer.has("coach")).isFalse();
        assertThat(peer.has("learner")).isFalse();
        assertThat(peer.has("nextStep")).isFalse();
        for (Person stranger : List.of(MEI, SAMUEL, LEILANI, AISHA)) {
            JsonNode hidden = problem(call(Requests.enrollment(enrollmentId), stranger), 404);
            assertThat(hidden.get("detail").asText()).as(stranger.userId())
                    .isEqualTo("There is no enrolment " + enrollmentId + " that you can see.");
        }
        problem(call(Requests.enrollment("enr-00000000000000000000"), MARIA), 404);
        problem(call(Requests.enrollment("../etc"), MARIA), 404);
        problem(handler.dispatch(Requests.enrollment(enrollmentId).event()), 401);
    }

    @Test
    void myEnrollments_listsOnlyTheCallersOwn_withCoachAttemptsNextStepAndPlcStatuses() {
        String id = coached("My list");
        String other = coached("Someone else's");
        enroll(AISHA, seed.microCredential(LAKESHORE, "formative-assessment", "Lakeshore's own"));
        enroll(ROSA, id, MEI);
        enroll(JAMAL, other);

        JsonNode items = ok(call(Requests.myEnrollments(), ROSA), 200).get("items");

        assertThat(items).allSatisfy(item -> assertThat(item.get("learner").get("id").asText()).isEqualTo(ROSA.userId()));
        JsonNode mine = EnrollApiTest.find(items, id);
        assertThat(mine.get("status").asText()).isEqualTo("in-progress");
        assertThat(mine.get("coach").get("name").asText()).isEqualTo("Priya Raman");
        assertThat(mine.get("attempts").asInt()).isZero();
        assertThat(mine.get("nextStep").asText()).startsWith("Meet your coach Priya Raman");
        assertThat(mine.get("plc").get("members")).extracting(member -> member.get("name").asText() + ":"
                + member.get("status").asText()).containsExactly("Rosa Gutierrez:in-progress", "Mei Lin Chen:in-progress");
        assertThat(mine.get("plc").get("members").get(1).has("coach")).isFalse();
        assertThat(items).noneSatisfy(item -> assertThat(item.get("microCredentialId").asText()).isEqualTo(other));
        problem(handler.dispatch(Requests.myEnrollments().event()), 401);
        problem(call(Requests.myEnrollments().query("limit", "0"), ROSA), 400);
    }

    @Test
    void organizationEnrollments_listsTheOrgsEnrolmentsInAStatus_pageByPage_forItsAdminsOnly() {
        String id = seed.microCredential(QUEUE_ORG, "queue-collection", "Queue of five");
        List<String> created = new ArrayList<>();
        for (Person learner : List.of(MARIA, JAMAL, MEI, ROSA, AISHA)) {
            created.add(enroll(learner, id).get("id").asText());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Requests request = Requests.organizationEnrollments(QUEUE_ORG, "awaiting-coach").query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = ok(call(request, QUEUE_ADMIN), 200);
            page.get("items").forEach(item -> {
                assertThat(item.get("status").asText()).isEqualTo("awaiting-coach");
                seen.add(item.get("id").asText());
            });
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(pages).isBetween(3, 4);
        assertThat(ok(call(Requests.organizationEnrollments(QUEUE_ORG, "in-progress"), QUEUE_ADMIN), 200).get("items")).isEmpty();
    }

    @Test
    void organizationEnrollments_refusesOtherAdminsLearnersAndBadParameters() {
        problem(call(Requests.organizationEnrollments(QUEUE_ORG, "awaiting-coach"), GRACE), 403);
        problem(call(Requests.organizationEnrollments(QUEUE_ORG, "awaiting-coach"), MARIA), 403);
        assertThat(problem(call(Requests.organizationEnrollments(QUEUE_ORG, null), QUEUE_ADMIN), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("status");
        problem(call(Requests.organizationEnrollments(QUEUE_ORG, "pending"), QUEUE_ADMIN), 400);
        assertThat(problem(call(Requests.organizationEnrollments(QUEUE_ORG, "awaiting-coach").query("cursor", "bm9wZQ"),
                QUEUE_ADMIN), 400).get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    }

    @Test
    void organizationEnrollments_cursorOfAnotherStatus_is400() {
        String id = seed.microCredential(OTHER_QUEUE_ORG, "queue-collection", "Cursor crossing");
        enroll(MARIA, id);
        enroll(JAMAL, id);
        String cursor = ok(call(Requests.organizationEnrollments(OTHER_QUEUE_ORG, "awaiting-coach").query("limit", "1"),
                OTHER_QUEUE_ADMIN), 200).get("nextCursor").asText();

        problem(call(Requests.organizationEnrollments(OTHER_QUEUE_ORG, "withdrawn").query("cursor", cursor),
                OTHER_QUEUE_ADMIN), 400);
        problem(call(Requests.organizationEnrollments("org-riverbend", "awaiting-coach").query("cursor", cursor), GRACE), 400);
    }
}
