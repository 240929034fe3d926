package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;
import static org.microcred.emulators.junit.ApiResponses.problem;

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
import org.microcred.emulators.junit.ApiResponses;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.support.Person;
import org.microcred.enrollment.support.Requests;
import org.microcred.enrollment.support.Seed;
import org.microcred.records.learning.OutboxItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Enrolling through the real handler against DynamoDB Local with the template's tables:
 * eligibility, coach choice, PLCs, the outbox, bad input and idempotency under concurrency.
 */
@ExtendWith(EmulatorsExtension.class)
class EnrollApiTest {
    static final String RIVERBEND = "org-riverbend";
    static final String LAKESHORE = "org-lakeshore";
    static final String OPEN = "org-open-academy";
    static final String PARTNER = "org-partner";
    static final Person MARIA = Person.learner("u-maria", "maria.delgado@riverbend.k12.example", "Maria Delgado", RIVERBEND);
    static final Person JAMAL = Person.learner("u-jamal", "jamal.washington@riverbend.k12.example", "Jamal Washington", RIVERBEND);
    static final Person MEI = Person.learner("u-mei", "Mei.Lin.Chen@riverbend.k12.example", "Mei Lin Chen", RIVERBEND);
    static final Person ROSA = Person.learner("u-rosa", "rosa@riverbend.k12.example", "Rosa <b>O'Brien</b>", RIVERBEND);
    static final Person DANIEL = Person.learner("u-daniel", "daniel.okafor@riverbend.k12.example", "Daniel Okafor", RIVERBEND);
    static final Person AISHA = Person.learner("u-aisha", "aisha.bello@lakeshore-virtual.example", "Aisha Bello", LAKESHORE);
    static final Person KIM = Person.learner("u-kim", "kim.park@partners.example", "Kim Park", PARTNER);
    static final Person LEE = Person.learner("u-lee", "lee.grant@partner-school.example", "Lee Grant", PARTNER);
    static final Person ZED = Person.learner("u-zed", "zed@elsewhere.example", "Zed Outsider", "org-elsewhere");
    static final Person PRIYA = Person.coach("u-priya", "priya.raman@riverbend.k12.example", "Priya Raman", RIVERBEND);
    static final Person SAMUEL = Person.coach("u-samuel", "samuel.greene@riverbend.k12.example", "Samuel Greene", RIVERBEND);
    static final Person OMAR = Person.coach("u-omar", "omar@riverbend.k12.example", "Omar Unqualified", RIVERBEND);
    static final Person KWAME = Person.coach("u-kwame", "kwame.mensah@lakeshore-virtual.example", "Kwame Mensah", LAKESHORE);
    static final Person OPEN_COACH = Person.coach("u-ada", "ada@open.example", "Ada Open", OPEN);

    private static TestStack stack;
    private static Seed seed;
    private static EnrollmentHandler handler;

    @BeforeAll
    static void seed(TestStack testStack) {
        stack = testStack;
        seed = new Seed(stack);
        seed.organization(RIVERBEND, "Riverbend Unified School District", "members");
        seed.organization(LAKESHORE, "Lakeshore State Virtual School", "email-domains", "lakeshore-virtual.example", "partners.example");
        seed.organization(OPEN, "Open Academy", "anyone");
        seed.organization(PARTNER, "Partner Charter School", "members");
        for (Person person : List.of(MARIA, JAMAL, MEI, ROSA, DANIEL, AISHA, KIM, LEE)) {
            seed.member(person);
        }
        seed.coach(PRIYA, List.of(), List.of("formative-assessment"), 1);
        seed.coach(SAMUEL, List.of(), List.of("formative-assessment"), 500);
        seed.coach(OMAR, List.of(), List.of("school-leadership"), 0);
        seed.coach(KWAME, List.of(), List.of("online-teaching"), 0);
        seed.coach(OPEN_COACH, List.of(), List.of("open-courses"), 0);
        handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
    }

    private static String riverbendMicroCredential(String title) {
        return seed.microCredential(RIVERBEND, "formative-assessment", title);
    }

    private static APIGatewayV2HTTPResponse enroll(Person who, String microCredentialId) {
        return handler.dispatch(Requests.enroll(microCredentialId).as(who).event());
    }

    private static APIGatewayV2HTTPResponse enrollWith(Person who, String microCredentialId, List<String> colleagues) {
        return handler.dispatch(Requests.enroll(microCredentialId).as(who).json(Map.of("plcMemberEmails", colleagues)).event());
    }

    @Test
    void enroll_alone_is201InProgressWithTheLeastLoadedQualifiedCoach() {
        String id = riverbendMicroCredential("Exit tickets alone");
        long before = seed.openEnrollments(RIVERBEND, PRIYA.userId());

        APIGatewayV2HTTPResponse response = enroll(MARIA, id);

        JsonNode enrollment = ok(response, 201);
        assertThat(response.getHeaders().get("location")).isEqualTo("/enrollments/" + enrollment.get("id").asText());
        assertThat(enrollment.get("id").asText()).matches("enr-[a-z0-9]{20}");
        assertThat(enrollment.get("status").asText()).isEqualTo("in-progress");
        assertThat(enrollment.get("microCredentialId").asText()).isEqualTo(id);
        assertThat(enrollment.get("microCredentialVersion").asInt()).isEqualTo(1);
        assertThat(enrollment.get("microCredentialTitle").asText()).isEqualTo("Exit tickets alone");
        assertThat(enrollment.get("organizationName").asText()).isEqualTo("Riverbend Unified School District");
        assertThat(enrollment.get("learner").get("id").asText()).isEqualTo(MARIA.userId());
        assertThat(enrollment.get("coach").get("name").asText()).isEqualTo("Priya Raman");
        assertThat(enrollment.get("coach").get("email").asText()).isEqualTo(PRIYA.email());
        assertThat(enrollment.get("attempts").asInt()).isZero();
        assertThat(enrollment.get("nextStep").asText()).contains("Priya Raman").contains("Lesson plan with exit ticket");
        assertThat(enrollment.has("plc")).isFalse();
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(before + 1);
    }

    @Test
    void enroll_writesWelcomeAndCoachEmailsToTheOutbox_withEveryPersonsTextEscaped() {
        String id = riverbendMicroCredential("Exit tickets & <script>alert(1)</script>");

        String enrollmentId = ok(enroll(ROSA, id), 201).get("id").asText();

        Map<String, AttributeValue> welcome = only(seed.outbox(enrollmentId + "#welcome"));
        assertThat(welcome.get("sk").s()).isEqualTo("EMAIL");
        assertThat(welcome.get("organizationId").s()).isEqualTo(RIVERBEND);
        assertThat(welcome.get("fromName").s()).isEqualTo("Riverbend Unified School District");
        assertThat(welcome.get("to").l()).extracting(AttributeValue::s).containsExactly(ROSA.email());
        assertThat(welcome.get("replyTo").s()).isEqualTo(PRIYA.email());
        assertThat(welcome.get("subject").s()).contains("your coach is Priya Raman");
        String html = OutboxItems.email(welcome).html();
        assertThat(html).contains("Rosa &lt;b&gt;O&#39;Brien&lt;/b&gt;")
                .contains("Exit tickets &amp; &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>").doesNotContain("<b>O'Brien")
                .contains("mailto:" + PRIYA.email())
                .contains("https://app.microcred.example/enrollments/" + enrollmentId);
        assertThat(OutboxItems.email(welcome).text()).contains("Hello Rosa <b>O'Brien</b>,").contains("Next step:")
                .contains("Lesson plan with exit ticket").contains("Reflection on student responses")
                .contains("https://app.microcred.example/enrollments/" + enrollmentId);
        assertThat(welcome.get("createdAt").s()).isNotBlank();

        Map<String, AttributeValue> coachEmail = only(seed.outbox(enrollmentId + "#coach-new-learner"));
        assertThat(coachEmail.get("to").l()).extracting(AttributeValue::s).containsExactly(PRIYA.email());
        assertThat(coachEmail.get("replyTo").s()).isEqualTo(ROSA.email());
        assertThat(coachEmail.get("subject").s()).startsWith("You have a new learner: Rosa <b>O'Brien</b>");
        assertThat(OutboxItems.email(coachEmail).html()).contains("Rosa &lt;b&gt;O&#39;Brien&lt;/b&gt;")
                .contains("mailto:" + ROSA.email()).doesNotContain("<b>O'Brien");
    }

    @Test
    void enroll_membersOnly_refusesOutsidersWith403SayingWhoItIsFor() {
        String id = riverbendMicroCredential("Staff only");

        JsonNode problem = problem(enroll(AISHA, id), 403);

        assertThat(problem.get("type").asText()).endsWith("/not-eligible");
        assertThat(problem.get("detail").asText())
                .isEqualTo("This micro-credential is for staff of Riverbend Unified School District.");
        assertThat(seed.itemsFor(id)).isZero();
    }

    @Test
    void enroll_emailDomains_admitsListedDomainsAndMembers_andRefusesOthers() {
        String id = seed.microCredential(LAKESHORE, "online-teaching", "Feedback loops online");

        ok(enroll(AISHA, id), 201);
        ok(enroll(KIM, id), 201);
        JsonNode refused = problem(enroll(ZED, id), 403);

        assertThat(refused.get("detail").asText()).isEqualTo("This micro-credential is for staff of Lakeshore State "
                + "Virtual School and educators with an email address at lakeshore-virtual.example or partners.example.");
    }

    @Test
    void enroll_anyone_admitsALearnerOfAnyOrganisation() {
        String id = seed.microCredential(OPEN, "open-courses", "Open to all");

        JsonNode enrollment = ok(enroll(ZED, id), 201);

        assertThat(enrollment.get("coach").get("id").asText()).isEqualTo(OPEN_COACH.userId());
    }

    @Test
    void enroll_withoutTheLearnerRole_is403() {
        String id = riverbendMicroCredential("Coaches cannot enrol as coaches");

        problem(enroll(PRIYA, id), 403);
        problem(handler.dispatch(Requests.enroll(id).event()), 401);
    }

    @Test
    void enroll_withoutQualifiedCoach_awaitsACoach_andTellsTheLearner() {
        String id = seed.microCredential(RIVERBEND, "nobody-coaches-this", "Uncoached");

        JsonNode enrollment = ok(enroll(JAMAL, id), 201);

        assertThat(enrollment.get("status").asText()).isEqualTo("awaiting-coach");
        assertThat(enrollment.has("coach")).isFalse();
        assertThat(enrollment.get("nextStep").asText()).contains("assigning you a coach");
        String enrollmentId = enrollment.get("id").asText();
        Map<String, AttributeValue> welcome = only(seed.outbox(enrollmentId + "#welcome"));
        assertThat(welcome.containsKey("replyTo")).isFalse();
        assertThat(welcome.get("subject").s()).contains("your coach is being assigned");
        assertThat(seed.outbox(enrollmentId + "#coach-new-learner")).isEmpty();
    }

    @Test
    void enroll_withPlcOfThree_givesEachAnEnrolmentSharingOneCoach_andCountsThreeForTheCoach() {
        String id = riverbendMicroCredential("PLC of three");
        long before = seed.openEnrollments(RIVERBEND, PRIYA.userId());

        JsonNode enrollment = ok(enrollWith(MARIA, id, List.of(JAMAL.email(), "  MEI.LIN.CHEN@riverbend.k12.example ",
                JAMAL.email(), MARIA.email())), 201);

        JsonNode plc = enrollment.get("plc");
        assertThat(plc.get("groupId").asText()).startsWith("plc-");
        assertThat(plc.get("members")).extracting(member -> member.get("name").asText())
                .containsExactly("Maria Delgado", "Jamal Washington", "Mei Lin Chen");
        assertThat(plc.get("members")).allSatisfy(member -> assertThat(member.get("status").asText()).isEqualTo("in-progress"));
        assertThat(plc.get("members").get(0).get("you").asBoolean()).isTrue();
        assertThat(plc.get("members").get(1).has("you")).isFalse();
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(before + 3);

        JsonNode jamals = ok(handler.dispatch(Requests.myEnrollments().as(JAMAL).event()), 200).get("items");
        JsonNode jamal = find(jamals, id);
        assertThat(jamal.get("coach").get("id").asText()).isEqualTo(PRIYA.userId());
        assertThat(jamal.get("plc").get("groupId").asText()).isEqualTo(plc.get("groupId").asText());
        assertThat(jamal.get("id").asText()).isNotEqualTo(enrollment.get("id").asText());

        String firstId = enrollment.get("id").asText();
        Map<String, AttributeValue> coachEmail = only(seed.outbox(firstId + "#coach-new-learner"));
        assertThat(coachEmail.get("subject").s()).startsWith("You have 3 new learners (a PLC)");
        assertThat(OutboxItems.email(coachEmail).text()).contains(MARIA.email()).contains(JAMAL.email()).contains("mei.lin.chen@");
        assertThat(seed.outbox(jamal.get("id").asText() + "#welcome")).hasSize(1);
    }

    @Test
    void enroll_withPlcOfMoreThan30_is400NamingTheFieldAndWritesNothing() {
        String id = riverbendMicroCredential("Too big a PLC");
        List<String> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.add("colleague" + i + "@riverbend.k12.example");
        }

        JsonNode problem = problem(enrollWith(MARIA, id, thirty), 400);

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("plcMemberEmails");
        assertThat(problem.get("detail").asText()).contains("at most 30 people");
        assertThat(seed.itemsFor(id)).isZero();
    }

    @Test
    void enroll_withUnknownColleague_is422NamingThemAndWritesNothing() {
        String id = riverbendMicroCredential("Unknown colleague");
        long before = seed.openEnrollments(RIVERBEND, PRIYA.userId());

        JsonNode problem = problem(enrollWith(MARIA, id, List.of(JAMAL.email(), "ghost@riverbend.k12.example",
                AISHA.email())), 422);

        assertThat(problem.get("type").asText()).endsWith("/plc-member-not-enrollable");
        assertThat(problem.get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("plcMemberEmails[1]", "plcMemberEmails[2]");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("no member of Riverbend Unified School District has the address ghost@riverbend.k12.example");
        assertThat(seed.itemsFor(id)).isZero();
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(before);
    }

    @Test
    void enroll_withIneligibleColleague_is422NamingThemAndWritesNothing() {
        String id = seed.microCredential(LAKESHORE, "online-teaching", "Partner PLC");

        JsonNode problem = problem(enrollWith(KIM, id, List.of(LEE.email())), 422);

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("plcMemberEmails[0]");
        assertThat(problem.get("errors").get(0).get("message").asText()).startsWith(LEE.email() + " is not eligible");
        assertThat(seed.itemsFor(id)).isZero();
    }

    @Test
    void enroll_withColleagueAlreadyEnrolled_is422AndWritesNothingMore() {
        String id = riverbendMicroCredential("Colleague got there first");
        ok(enroll(DANIEL, id), 201);

        JsonNode problem = problem(enrollWith(MARIA, id, List.of(DANIEL.email())), 422);

        assertThat(problem.get("errors").get(0).get("message").asText()).contains("already enrolled");
        assertThat(seed.itemsFor(id)).isEqualTo(2);
    }

    @Test
    void enroll_unknownOrMalformedMicroCredential_is404() {
        assertThat(problem(enroll(MARIA, "no-such-thing"), 404).get("detail").asText())
                .isEqualTo("There is no published micro-credential with id no-such-thing.");
        problem(enroll(MARIA, "Bad#Id"), 404);
    }

    @Test
    void enroll_retiredMicroCredential_is409AndWritesNothing() {
        String id = riverbendMicroCredential("Retired one");
        seed.retire(id);

        JsonNode problem = problem(enroll(MARIA, id), 409);

        assertThat(problem.get("type").asText()).endsWith("/micro-credential-retired");
        assertThat(problem.get("detail").asText()).contains("Retired one has been retired");
        assertThat(seed.itemsFor(id)).isZero();
    }

    @Test
    void enroll_badBody_is400NamingTheField() {
        String id = riverbendMicroCredential("Bad bodies");

        assertThat(problem(handler.dispatch(Requests.enroll(id).as(MARIA).json("{\"plcMembers\": []}").event()), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("plcMembers");
        assertThat(problem(handler.dispatch(Requests.enroll(id).as(MARIA).json("{\"plcMemberEmails\": \"x@y.org\"}").event()), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("plcMemberEmails");
        assertThat(problem(enrollWith(MARIA, id, List.of(JAMAL.email(), "not-an-address")), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("plcMemberEmails[1]");
        problem(handler.dispatch(Requests.enroll(id).as(MARIA).json("{not json").event()), 400);
        problem(handler.dispatch(Requests.enroll(id).as(MARIA).rawBody("plcMemberEmails=x", "text/plain").event()), 415);
        assertThat(seed.itemsFor(id)).isZero();
    }

    @Test
    void enroll_twice_returnsTheSameEnrolmentWith200() {
        String id = riverbendMicroCredential("Double click");
        JsonNode first = ok(enroll(MEI, id), 201);
        long load = seed.openEnrollments(RIVERBEND, PRIYA.userId());

        JsonNode second = ok(handler.dispatch(Requests.enroll(id).as(MEI).json("{}").event()), 200);

        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(seed.itemsFor(id)).isEqualTo(2);
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(load);
    }

    @Test
    void enroll_twentyIdenticalRequestsAtOnce_createExactlyOneEnrolment() throws Exception {
        String id = riverbendMicroCredential("Twenty at once");
        long load = seed.openEnrollments(RIVERBEND, PRIYA.userId());
        int parallel = 20;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            EnrollmentHandler own = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
            Callable<APIGatewayV2HTTPResponse> call = () -> {
                start.await();
                return own.dispatch(Requests.enroll(id).as(DANIEL).event());
            };
            calls.add(pool.submit(call));
        }
        start.countDown();
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> call : calls) {
            responses.add(call.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(response -> response.getStatusCode() == 201).hasSize(1);
        assertThat(responses).extracting(response -> ApiResponses.body(response).get("id").asText())
                .containsOnly(ApiResponses.body(responses.get(0)).get("id").asText());
        assertThat(seed.itemsFor(id)).as("one enrolment and one guard").isEqualTo(2);
        assertThat(seed.openEnrollments(RIVERBEND, PRIYA.userId())).isEqualTo(load + 1);
    }

    static JsonNode find(JsonNode items, String microCredentialId) {
        for (JsonNode item : items) {
            if (item.get("microCredentialId").asText().equals(microCredentialId)) {
                return item;
            }
        }
        throw new AssertionError("No enrolment in " + microCredentialId + " among " + items);
    }

    private static Map<String, AttributeValue> only(List<Map<String, AttributeValue>> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
