package org.microcred.assessors.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.assessors.AssessorHandler;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.EnrollmentHandler;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.evidence.EvidenceHandler;
import org.microcred.evidence.service.UploadLimits;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.review.ReviewHandler;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real assessor handler against the emulators, with what it starts from: a published
 * micro-credential, the organisation, its members and coaches, badges (written per the
 * BadgesTable contract) and submissions decided through the real evidence and review handlers.
 */
public final class Fixture {
    public static final String LINK_KEY = "test-review-link-key-0123456789abcdef0123456789";
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String ORGANIZATION = "org-riverbend";
    public static final String ORGANIZATION_NAME = "Riverbend Unified School District";
    private static final Pattern LINK = Pattern.compile("/assessor-invitations/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    public final TestStack stack;
    public final FunctionEnvironment environment;
    private final EvidenceHandler evidence;
    private final ReviewHandler review;
    private final EnrollmentHandler enrollments;
    private final LearningStore learning;

    public Fixture(TestStack stack) {
        this.stack = stack;
        this.learning = new LearningStore(stack.dynamoDb(), table("LearningTable"), table("OrganizationsTable"));
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("V#000001"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", AttributeValue.fromN("1"),
                "publishedAt", s("2026-01-01T00:00:00.000Z"), "document", s(resource("fixtures/exit-tickets.json"))));
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("CARD"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", AttributeValue.fromN("1"), "status", s("published"),
                "title", s("Checking for Understanding with Exit Tickets"), "collection", s("formative-assessment")));
        put("OrganizationsTable", Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("PROFILE"),
                "organizationId", s(ORGANIZATION), "name", s(ORGANIZATION_NAME), "eligibility", s("members")));
        environment = withKey(stack.environment("AssessorFunction"));
        FunctionEnvironment evidenceEnvironment = withKey(stack.environment("EvidenceFunction"));
        evidence = new EvidenceHandler(EvidenceHandler.services(EvidenceConfig.from(evidenceEnvironment),
                evidenceEnvironment, UploadLimits.defaults()));
        review = new ReviewHandler(withKey(stack.environment("ReviewFunction")));
        enrollments = new EnrollmentHandler(withKey(stack.environment("EnrollmentFunction")));
    }

    private static FunctionEnvironment withKey(FunctionEnvironment environment) {
        return environment.with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, LINK_KEY);
    }

    public AssessorHandler handler() {
        return new AssessorHandler(environment);
    }

    public AssessorHandler handler(Clock clock) {
        return new AssessorHandler(environment, clock);
    }

    public String table(String logicalId) {
        return stack.tableName(logicalId);
    }

    public void member(Who who, String... roles) {
        put("OrganizationsTable", Map.of("pk", s("ORG#" + who.organizationId()), "sk", s("MEMBER#" + who.userId()),
                "userId", s(who.userId()), "email", s(who.email()), "name", s(who.name()),
                "roles", AttributeValue.fromL(java.util.Arrays.stream(roles).map(AttributeValue::fromS).toList())));
    }

    /** A coach of the pool qualified for {@code microCredentialIds}, with {@code open} open enrolments. */
    public void coach(Who coach, long open, String... microCredentialIds) {
        put("OrganizationsTable", Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("COACH#" + coach.userId()),
                "userId", s(coach.userId()), "email", s(coach.email()), "name", s(coach.name()),
                "openEnrollments", AttributeValue.fromN(Long.toString(open)),
                "microCredentialIds", AttributeValue.fromL(java.util.Arrays.stream(microCredentialIds)
                        .map(AttributeValue::fromS).toList())));
    }

    /** Sets the micro-credential's coach pool as the organisation function does (its coaches need active coach entries). */
    public void pool(CoachSeat... seats) {
        CoachPools pools = pools();
        long revision = pool().map(CoachPool::revision).orElse(0L);
        pools.replace(new CoachPool(ORGANIZATION, MICRO_CREDENTIAL, List.of(seats), revision + 1,
                "2026-01-05T09:00:00.000Z"), revision);
    }

    public Optional<CoachPool> pool() {
        return pools().find(ORGANIZATION, MICRO_CREDENTIAL);
    }

    private CoachPools pools() {
        return new CoachPools(new OrganizationsTable(stack.dynamoDb(), table("OrganizationsTable")));
    }

    public Map<String, AttributeValue> coachItem(Who coach) {
        return stack.dynamoDb().getItem(r -> r.tableName(table("OrganizationsTable")).key(Map.of(
                "pk", s("ORG#" + ORGANIZATION), "sk", s("COACH#" + coach.userId()))).consistentRead(true)).item();
    }

    /** A badge item as BadgeIssuerFunction writes it (the attributes the pathway reads, and a few more). */
    public void badge(Who learner, String status) {
        String badgeId = "bdg-" + learner.userId() + "-" + status;
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("BADGE#" + badgeId), "sk", s("BADGE"),
                "badgeId", s(badgeId), "learnerKey", s("LEARNER#" + learner.userId()), "learnerId", s(learner.userId()),
                "organizationId", s(ORGANIZATION), "microCredentialId", s(MICRO_CREDENTIAL),
                "microCredentialVersion", AttributeValue.fromN("1"), "issuedAt", s("2026-02-01T00:00:00.000Z"),
                "status", s(status)));
        item.put("title", s("Checking for Understanding with Exit Tickets"));
        put("BadgesTable", item);
    }

    /**
     * A submission of the learner, coached by {@code coach}, decided by the coach through the real
     * review handler with the given levels for alignment and decision. Returns the submission id.
     */
    public String decided(Who learner, Who coach, String alignment, String decision, String outcome,
                          String reflection) {
        return decide(submitted(learner, coach, reflection, null, null), coach, alignment, decision, outcome);
    }

    /** As {@link #decided}, with a PDF lesson plan uploaded through its presigned PUT as well. */
    public String decidedWithFile(Who learner, Who coach, String alignment, String decision, String outcome,
                                  String reflection, String fileName, byte[] pdf) {
        return decide(submitted(learner, coach, reflection, fileName, pdf), coach, alignment, decision, outcome);
    }

    private String decide(String submissionId, Who coach, String alignment, String decision, String outcome) {
        expect(review.dispatch(Call.decide(submissionId, Map.of("outcome", outcome, "feedback", "Reference feedback.",
                "scores", List.of(Map.of("criterionId", "alignment", "levelId", alignment),
                        Map.of("criterionId", "decision", "levelId", decision)))).as(coach).event()), 200);
        return submissionId;
    }

    /** A submission (a reflection and a link) waiting for the coach's decision. Returns the submission id. */
    public String submitted(Who learner, Who coach, String reflection) {
        return submitted(learner, coach, reflection, null, null);
    }

    private String submitted(Who learner, Who coach, String reflection, String fileName, byte[] pdf) {
        String enrollmentId = newEnrollmentId();
        String now = "2026-01-02T00:00:00.000Z";
        learning.commit(learning.newWrite().create(new Enrollment(enrollmentId, EnrollmentStatus.IN_PROGRESS,
                MICRO_CREDENTIAL, 1, "Checking for Understanding with Exit Tickets", ORGANIZATION, ORGANIZATION_NAME,
                learner.person(), ORGANIZATION, coach.person(), null, 0, List.of(), now, now, 1)));
        // The guard allows one enrolment per learner; fixtures give a learner several.
        stack.dynamoDb().deleteItem(r -> r.tableName(table("LearningTable")).key(Map.of(
                "pk", s("LEARNER#" + learner.userId()), "sk", s("MC#" + MICRO_CREDENTIAL))));
        expect(evidence.dispatch(Call.declare(enrollmentId, Map.of("requirementId", "reflection", "kind", "text",
                "text", reflection)).as(learner).event()), 201);
        expect(evidence.dispatch(Call.declare(enrollmentId, Map.of("requirementId", "materials", "kind", "link",
                "url", "https://example.org/tickets/" + learner.userId())).as(learner).event()), 201);
        if (fileName != null) {
            JsonNode file = body(expect(evidence.dispatch(Call.declare(enrollmentId, Map.of("requirementId", "materials",
                    "kind", "file", "fileName", fileName, "mediaType", "application/pdf", "sizeBytes", pdf.length,
                    "sha256", PresignedRequests.sha256(pdf))).as(learner).event()), 201));
            JsonNode upload = file.path("upload");
            if (PresignedRequests.put(upload.path("url").asText(), upload.path("headers").path("Content-Type").asText(), pdf)
                    .statusCode() != 200) {
                throw new AssertionError("The presigned upload failed");
            }
            expect(evidence.dispatch(Call.complete(enrollmentId, file.path("id").asText()).as(learner).event()), 200);
        }
        return body(expect(evidence.dispatch(Call.submit(enrollmentId).as(learner).event()), 201)).path("id").asText();
    }

    /** Invites the member (who must hold the badge) and accepts through the real page. */
    public void invitedAndAccepted(AssessorHandler handler, Who admin, Who who, Map<String, Object> minimums) {
        Map<String, Object> body = new HashMap<>(minimums);
        body.put("userId", who.userId());
        body.put("microCredentialId", MICRO_CREDENTIAL);
        expect(handler.dispatch(Call.invite(ORGANIZATION, body).as(admin).event()), 201);
        String token = invitationToken(who, 1);
        String form = formFields(expect(handler.dispatch(Call.invitationPage(token).event()), 200).getBody());
        expect(handler.dispatch(Call.acceptInvitation(token, form).event()), 200);
    }

    /** An enrolment through the real enrolment handler; returns the coach it got (null if none). */
    public String enrollAndGetCoach(Who learner) {
        JsonNode enrollment = body(expect(enrollments.dispatch(Call.enroll(MICRO_CREDENTIAL).as(learner).event()), 201));
        return enrollment.has("coach") ? enrollment.get("coach").get("id").asText() : null;
    }

    public Map<String, AttributeValue> outbox(String messageId) {
        return stack.dynamoDb().getItem(r -> r.tableName(table("LearningTable")).key(Map.of(
                "pk", s("OUTBOX#" + messageId), "sk", s("EMAIL"))).consistentRead(true)).item();
    }

    public static String invitationMessageId(Who who, int revision) {
        return "assessor-invitation-" + ORGANIZATION + "-" + MICRO_CREDENTIAL + "-" + who.userId() + "-" + revision;
    }

    /** The token of the accept link in the invitation email. */
    public String invitationToken(Who who, int revision) {
        Matcher matcher = LINK.matcher(outbox(invitationMessageId(who, revision)).get("text").s());
        if (!matcher.find()) {
            throw new AssertionError("No accept link in the invitation email");
        }
        return matcher.group(1);
    }

    /** The form fields (nonce and csrf) of a rendered invitation page, URL-encoded for a POST. */
    public static String formFields(String html) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = Pattern.compile("name=\"(nonce|csrf)\" value=\"([^\"]*)\"").matcher(html);
        while (matcher.find()) {
            fields.add(matcher.group(1) + "=" + java.net.URLEncoder.encode(matcher.group(2), StandardCharsets.UTF_8));
        }
        return String.join("&", fields);
    }

    public static APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String logicalId, Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(r -> r.tableName(table(logicalId)).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** An id of the enrolment function's shape ({@code enr-} and 20 lower-case letters or digits). */
    private static String newEnrollmentId() {
        return "enr-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
