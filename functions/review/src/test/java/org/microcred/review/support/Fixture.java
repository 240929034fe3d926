package org.microcred.review.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.catalog.CatalogKeys;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.review.ReviewHandler;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real review handler against the emulators, with the published micro-credential, coaches,
 * enrolments and submitted attempts it starts from. What other functions would have written
 * (an enrolment, its evidence, the sealed files, the coach's email with the review link) is
 * written here through the records libraries, in the shapes those functions write.
 */
public final class Fixture {
    public static final String REVIEW_LINK_KEY = "test-review-link-key-0123456789abcdef0123456789";
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String ORGANIZATION = "org-riverbend";

    public final TestStack stack;
    public final FunctionEnvironment environment;
    public final ReviewLinks links = new ReviewLinks(REVIEW_LINK_KEY.getBytes(StandardCharsets.UTF_8),
            ReviewLinks.DEFAULT_VALIDITY);
    private final LearningStore learning;
    private final LearnerEvidence evidence;

    public Fixture(TestStack stack) {
        this.stack = stack;
        this.learning = new LearningStore(stack.dynamoDb(), stack.tableName("LearningTable"),
                stack.tableName("OrganizationsTable"));
        Map<String, AttributeValue> version = with(CatalogKeys.version(MICRO_CREDENTIAL, 1), Map.of(
                "id", AttributeValue.fromS(MICRO_CREDENTIAL), "organizationId", AttributeValue.fromS(ORGANIZATION),
                "version", AttributeValue.fromN("1"), "publishedAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"),
                "document", AttributeValue.fromS(resource("fixtures/exit-tickets.json"))));
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("CatalogTable")).item(version));
        environment = stack.environment("ReviewFunction").with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, REVIEW_LINK_KEY);
        this.evidence = new LearnerEvidence(learning, new ArtifactStore(stack.dynamoDb(),
                stack.tableName("LearningTable")), EvidenceFiles.forEnvironment(environment,
                environment.required("EVIDENCE_BUCKET")), links, environment.required("API_URL"));
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
        putOrganization(OrganizationKeys.coach(ORGANIZATION, coach.userId()), Map.of(
                "userId", AttributeValue.fromS(coach.userId()), "email", AttributeValue.fromS(coach.email()),
                "name", AttributeValue.fromS(coach.name()), "openEnrollments", AttributeValue.fromN(Long.toString(open)),
                OrganizationKeys.openForMicroCredential(MICRO_CREDENTIAL), AttributeValue.fromN(Long.toString(open))));
    }

    /** What the member upsert does to a coach who is deactivated or loses the coach role: {@code active = false}. */
    public void deactivateCoach(Who coach) {
        stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(
                OrganizationKeys.coach(ORGANIZATION, coach.userId()))
                .updateExpression("SET active = :false").expressionAttributeValues(Map.of(":false",
                        AttributeValue.fromBool(false))));
    }

    /** A coach of {@code organizationId}'s pool, qualified for the fixture's micro-credential. */
    public void qualifiedCoach(Who coach, String organizationId, long open) {
        putOrganization(OrganizationKeys.coach(organizationId, coach.userId()), Map.of(
                "userId", AttributeValue.fromS(coach.userId()), "email", AttributeValue.fromS(coach.email()),
                "name", AttributeValue.fromS(coach.name()), "openEnrollments", AttributeValue.fromN(Long.toString(open)),
                "microCredentialIds", AttributeValue.fromL(List.of(AttributeValue.fromS(MICRO_CREDENTIAL)))));
    }

    /** The organisation's profile; {@code target} null leaves reviewTargetBusinessDays out (the default applies). */
    public void profile(String organizationId, String name, Integer target) {
        Map<String, AttributeValue> item = with(OrganizationKeys.profile(organizationId), Map.of(
                "organizationId", AttributeValue.fromS(organizationId), "name", AttributeValue.fromS(name),
                "eligibility", AttributeValue.fromS("members")));
        if (target != null) {
            item.put("reviewTargetBusinessDays", AttributeValue.fromN(target.toString()));
        }
        putOrganization(item, Map.of());
    }

    private void putOrganization(Map<String, AttributeValue> keys, Map<String, AttributeValue> attributes) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("OrganizationsTable")).item(with(keys, attributes)));
    }

    /** A member of the organisation's directory with the given roles. */
    public void member(String organizationId, Who who, String... roles) {
        putOrganization(OrganizationKeys.member(organizationId, who.userId()), Map.of(
                "userId", AttributeValue.fromS(who.userId()), "email", AttributeValue.fromS(who.email()),
                "name", AttributeValue.fromS(who.name()),
                "roles", AttributeValue.fromL(java.util.Arrays.stream(roles).map(AttributeValue::fromS).toList())));
    }

    /**
     * Pretends the waiting attempt was submitted at {@code timestamp}: sets the enrolment's
     * {@code updatedAt} (the submission time while it waits) as if the clock had been then.
     */
    public void submittedAt(String enrollmentId, String timestamp) {
        stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("LearningTable")).key(
                LearningKeys.enrollment(enrollmentId))
                .updateExpression("SET updatedAt = :t").expressionAttributeValues(Map.of(":t",
                        AttributeValue.fromS(timestamp))));
    }

    /** The coach's open enrolments of the fixture's micro-credential ({@code open#<mcId>}). */
    public long openForMicroCredential(Who coach) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(
                OrganizationKeys.coach(ORGANIZATION, coach.userId()))
                .consistentRead(true)).item();
        return Long.parseLong(item.get(OrganizationKeys.openForMicroCredential(MICRO_CREDENTIAL)).n());
    }

    public long openEnrollments(Who coach) {
        var item = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("OrganizationsTable")).key(
                OrganizationKeys.coach(ORGANIZATION, coach.userId()))
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
        stack.dynamoDb().deleteItem(r -> r.tableName(stack.tableName("LearningTable")).key(
                LearningKeys.guard(learner.userId(), MICRO_CREDENTIAL)));
        return id;
    }

    /**
     * The learner submits the open attempt as the evidence function does (see {@link LearnerEvidence#submit}):
     * the reflection and, given one, the materials link. Returns the submission id.
     */
    public String submit(String enrollmentId, Who learner, String reflection, String link) {
        return evidence.submit(enrollmentId, learner, reflection, link);
    }

    /** A file the learner declared in the open attempt, and the presigned URL its bytes go to. */
    public record DeclaredFile(Artifact artifact, String uploadUrl) {
    }

    /** The learner declares a file for the open attempt (see {@link LearnerEvidence#declareFile}). */
    public DeclaredFile declareFile(String enrollmentId, String requirementId, String fileName, String mediaType,
                                    byte[] bytes) {
        return evidence.declareFile(enrollmentId, requirementId, fileName, mediaType, bytes);
    }

    /** The uploaded file is checked and sealed (see {@link LearnerEvidence#confirm}). */
    public void confirm(DeclaredFile file) {
        evidence.confirm(file);
    }

    public String token(String submissionId, Who coach) {
        return links.issue(submissionId, coach.userId(), Instant.now());
    }

    public Enrollment enrollmentNow(String enrollmentId) {
        return learning.find(enrollmentId).orElseThrow();
    }

    public Map<String, AttributeValue> outbox(String messageId) {
        return stack.dynamoDb().getItem(r -> r.tableName(stack.tableName("LearningTable")).key(
                LearningKeys.outboxEmail(messageId))).item();
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

    /** An item: its keys (as the table's records library spells them) and its attributes. */
    private static Map<String, AttributeValue> with(Map<String, AttributeValue> keys,
                                                    Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(keys);
        item.putAll(attributes);
        return item;
    }
}
