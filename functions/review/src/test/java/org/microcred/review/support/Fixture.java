package org.microcred.review.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.microcred.emulators.junit.TestStack;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.evidence.EvidenceHandler;
import org.microcred.evidence.service.UploadLimits;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.review.ReviewHandler;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real review handler (and the evidence handler that submits attempts) against the
 * emulators, with the published micro-credential, coaches and enrolments they start from.
 */
public final class Fixture {
    public static final String REVIEW_LINK_KEY = "test-review-link-key-0123456789abcdef0123456789";
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String ORGANIZATION = "org-riverbend";

    public final TestStack stack;
    public final FunctionEnvironment environment;
    public final EvidenceHandler evidence;
    public final ReviewLinks links = new ReviewLinks(REVIEW_LINK_KEY.getBytes(StandardCharsets.UTF_8),
            ReviewLinks.DEFAULT_VALIDITY);
    private final LearningStore learning;

    public Fixture(TestStack stack) {
        this.stack = stack;
        this.learning = new LearningStore(stack.dynamoDb(), stack.tableName("LearningTable"),
                stack.tableName("OrganizationsTable"));
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("CatalogTable")).item(Map.of(
                "pk", AttributeValue.fromS("MC#" + MICRO_CREDENTIAL), "sk", AttributeValue.fromS("V#000001"),
                "id", AttributeValue.fromS(MICRO_CREDENTIAL), "organizationId", AttributeValue.fromS(ORGANIZATION),
                "version", AttributeValue.fromN("1"), "publishedAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"),
                "document", AttributeValue.fromS(resource("fixtures/exit-tickets.json")))));
        environment = stack.environment("ReviewFunction").with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, REVIEW_LINK_KEY);
        FunctionEnvironment evidenceEnvironment = stack.environment("EvidenceFunction")
                .with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, REVIEW_LINK_KEY);
        evidence = new EvidenceHandler(EvidenceHandler.services(EvidenceConfig.from(evidenceEnvironment),
                evidenceEnvironment, UploadLimits.defaults()));
    }

    /** The reminder function's environment, with the same review-link key. */
    public FunctionEnvironment reminderEnvironment() {
        return stack.environment("ReviewReminderFunction").with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, REVIEW_LINK_KEY);
    }

    /** A fresh handler, as another Lambda container would be. */
    public ReviewHandler handler() {
        return new ReviewHandler(environment);
    }

    /**
     * The coach in the organisation's pool with {@code open} open enrolments, all of them of the
     * fixture's micro-credential ({@code open#<mcId>} counts the same).
     */
    public void coach(Who coach, long open) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrganizationsTable")).item(Map.of(
                "pk", AttributeValue.fromS("ORG#" + ORGANIZATION), "sk", AttributeValue.fromS("COACH#" + coach.userId()),
                "userId", AttributeValue.fromS(coach.userId()), "email", AttributeValue.fromS(coach.email()),
                "name", AttributeValue.fromS(coach.name()), "openEnrollments", AttributeValue.fromN(Long.toString(open)),
                OrganizationKeys.openForMicroCredential(MICRO_CREDENTIAL), AttributeValue.fromN(Long.toString(open)))));
    }

    /** What the member upsert does to a coach who is deactivated or loses the coach role: {@code active = false}. */
    public void deactivateCoach(Who coach) {
        stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(Map.of(
                "pk", AttributeValue.fromS("ORG#" + ORGANIZATION), "sk", AttributeValue.fromS("COACH#" + coach.userId())))
                .updateExpression("SET active = :false").expressionAttributeValues(Map.of(":false",
                        AttributeValue.fromBool(false))));
    }

    /** A coach of {@code organizationId}'s pool, qualified for the fixture's micro-credential. */
    public void qualifiedCoach(Who coach, String organizationId, long open) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrganizationsTable")).item(Map.of(
                "pk", AttributeValue.fromS("ORG#" + organizationId), "sk", AttributeValue.fromS("COACH#" + coach.userId()),
                "userId", AttributeValue.fromS(coach.userId()), "email", AttributeValue.fromS(coach.email()),
                "name", AttributeValue.fromS(coach.name()), "openEnrollments", AttributeValue.fromN(Long.toString(open)),
                "microCredentialIds", AttributeValue.fromL(List.of(AttributeValue.fromS(MICRO_CREDENTIAL))))));
    }

    /** The organisation's profile; {@code target} null leaves reviewTargetBusinessDays out (the default applies). */
    public void profile(String organizationId, String name, Integer target) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
                "pk", AttributeValue.fromS("ORG#" + organizationId), "sk", AttributeValue.fromS("PROFILE"),
                "organizationId", AttributeValue.fromS(organizationId), "name", AttributeValue.fromS(name),
                "eligibility", AttributeValue.fromS("members")));
        if (target != null) {
            item.put("reviewTargetBusinessDays", AttributeValue.fromN(target.toString()));
        }
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrganizationsTable")).item(item));
    }

    /** A member of the organisation's directory with the given roles. */
    public void member(String organizationId, Who who, String... roles) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrganizationsTable")).item(Map.of(
                "pk", AttributeValue.fromS("ORG#" + organizationId), "sk", AttributeValue.fromS("MEMBER#" + who.userId()),
                "userId", AttributeValue.fromS(who.userId()), "email", AttributeValue.fromS(who.email()),
                "name", AttributeValue.fromS(who.name()),
                "roles", AttributeValue.fromL(java.util.Arrays.stream(roles).map(AttributeValue::fromS).toList()))));
    }

    /**
     * Pretends the waiting attempt was submitted at {@code timestamp}: sets the enrolment's
     * {@code updatedAt} (the submission time while it waits) as if the clock had been then.
     */
    public void submittedAt(String enrollmentId, String timestamp) {
        stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", AttributeValue.fromS("ENR#" + enrollmentId), "sk", AttributeValue.fromS("ENROLLMENT")))
                .updateExpression("SET updatedAt = :t").expressionAttributeValues(Map.of(":t",
                        AttributeValue.fromS(timestamp))));
    }

    /** The coach's open enrolments of the fixture's micro-credential ({@code open#<mcId>}). */
    public long openForMicroCredential(Who coach) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(Map.of(
                "pk", AttributeValue.fromS("ORG#" + ORGANIZATION), "sk", AttributeValue.fromS("COACH#" + coach.userId())))
                .consistentRead(true)).item();
        return Long.parseLong(item.get(OrganizationKeys.openForMicroCredential(MICRO_CREDENTIAL)).n());
    }

    public long openEnrollments(Who coach) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(Map.of(
                "pk", AttributeValue.fromS("ORG#" + ORGANIZATION), "sk", AttributeValue.fromS("COACH#" + coach.userId())))
                .consistentRead(true)).item();
        return Long.parseLong(item.get("openEnrollments").n());
    }

    /** An in-progress enrolment of the learner with the coach. */
    public String enrollment(Who learner, Who coach) {
        return enrollment(learner, coach, ORGANIZATION, "Riverbend Unified School District");
    }

    /** An in-progress enrolment of the learner with the coach, offered by another organisation. */
    public String enrollment(Who learner, Who coach, String organizationId, String organizationName) {
        String id = newEnrollmentId();
        String now = "2026-01-02T00:00:00.000Z";
        learning.commit(learning.newWrite().create(new Enrollment(id, EnrollmentStatus.IN_PROGRESS, MICRO_CREDENTIAL,
                1, "Checking for Understanding with Exit Tickets", organizationId, organizationName,
                learner.person(), organizationId, coach.person(), null, 0, List.of(), now, now, 1)));
        // Tests give one learner many enrolments; the guard that allows only one is enrolment's concern.
        stack.dynamoDb().deleteItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", AttributeValue.fromS("LEARNER#" + learner.userId()), "sk", AttributeValue.fromS("MC#" + MICRO_CREDENTIAL))));
        return id;
    }

    /** The learner submits the open attempt through the evidence function; returns the submission id. */
    public String submit(String enrollmentId, Who learner, String reflection, String link) {
        expect(evidence.dispatch(Call.declare(enrollmentId, Map.of("requirementId", "reflection", "kind", "text",
                "text", reflection)).as(learner).event()), 201);
        if (link != null) {
            expect(evidence.dispatch(Call.declare(enrollmentId, Map.of("requirementId", "materials", "kind", "link",
                    "url", link)).as(learner).event()), 201);
        }
        return body(expect(evidence.dispatch(Call.submit(enrollmentId).as(learner).event()), 201)).path("id").asText();
    }

    public String token(String submissionId, Who coach) {
        return links.issue(submissionId, coach.userId(), Instant.now());
    }

    public Enrollment enrollmentNow(String enrollmentId) {
        return learning.find(enrollmentId).orElseThrow();
    }

    public Map<String, AttributeValue> outbox(String messageId) {
        return stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", AttributeValue.fromS("OUTBOX#" + messageId), "sk", AttributeValue.fromS("EMAIL")))).item();
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

    public static Map<String, Object> score(String criterionId, String levelId, String feedback) {
        return feedback == null ? Map.of("criterionId", criterionId, "levelId", levelId)
                : Map.of("criterionId", criterionId, "levelId", levelId, "feedback", feedback);
    }

    public static String resource(String name) {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An id of the enrolment function's shape ({@code enr-} and 20 lower-case letters or digits). */
    private static String newEnrollmentId() {
        return "enr-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
