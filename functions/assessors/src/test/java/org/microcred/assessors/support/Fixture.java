package org.microcred.assessors.support;

import static org.microcred.emulators.junit.ApiResponses.expect;

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
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.ArtifactStatus;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.CriterionScore;
import org.microcred.records.learning.Decision;
import org.microcred.records.learning.DecisionOutcome;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningKeys;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.OutboxItems;
import org.microcred.records.learning.Submission;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real assessor handler against the emulators, with what it starts from: a published
 * micro-credential, the organisation, its members and coaches, badges (written per the
 * BadgesTable contract) and decided submissions, written through the learning table's records
 * library (and the evidence bucket) in the shape the evidence and review functions leave them:
 * the enrolment moved to submitted and then to its decided status, the frozen attempt with its
 * confirmed artifacts (a file sealed in the bucket), and the reference decision.
 */
public final class Fixture {
    public static final String LINK_KEY = "test-review-link-key-0123456789abcdef0123456789";
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String ORGANIZATION = "org-riverbend";
    public static final String ORGANIZATION_NAME = "Riverbend Unified School District";
    private static final Pattern LINK = Pattern.compile("/assessor-invitations/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    public final TestStack stack;
    public final FunctionEnvironment environment;
    private static final String SUBMITTED_AT = "2026-01-03T00:00:00.000Z";
    private static final String DECIDED_AT = "2026-01-04T00:00:00.000Z";

    private final LearningStore learning;
    private final ArtifactStore artifacts;
    private final DecisionStore decisions;

    public Fixture(TestStack stack) {
        this.stack = stack;
        this.learning = new LearningStore(stack.dynamoDb(), table("LearningTable"), table("OrganizationsTable"));
        this.artifacts = new ArtifactStore(stack.dynamoDb(), table("LearningTable"));
        this.decisions = new DecisionStore(stack.dynamoDb(), table("LearningTable"));
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("V#000001"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", AttributeValue.fromN("1"),
                "publishedAt", s("2026-01-01T00:00:00.000Z"), "document", s(resource("fixtures/exit-tickets.json"))));
        put("CatalogTable", Map.of("pk", s("MC#" + MICRO_CREDENTIAL), "sk", s("CARD"), "id", s(MICRO_CREDENTIAL),
                "organizationId", s(ORGANIZATION), "version", AttributeValue.fromN("1"), "status", s("published"),
                "title", s("Checking for Understanding with Exit Tickets"), "collection", s("formative-assessment")));
        put("OrganizationsTable", Map.of("pk", s("ORG#" + ORGANIZATION), "sk", s("PROFILE"),
                "organizationId", s(ORGANIZATION), "name", s(ORGANIZATION_NAME), "eligibility", s("members")));
        environment = withKey(stack.environment("AssessorFunction"));
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
     * A submission of the learner, coached by {@code coach}, decided by the coach with the given
     * levels for alignment and decision. Returns the submission id.
     */
    public String decided(Who learner, Who coach, String alignment, String decision, String outcome,
                          String reflection) {
        return decide(submitted(learner, coach, reflection, null, null), coach, alignment, decision, outcome);
    }

    /** As {@link #decided}, with a PDF lesson plan (confirmed and sealed in the evidence bucket) as well. */
    public String decidedWithFile(Who learner, Who coach, String alignment, String decision, String outcome,
                                  String reflection, String fileName, byte[] pdf) {
        return decide(submitted(learner, coach, reflection, fileName, pdf), coach, alignment, decision, outcome);
    }

    /** The coach's decision as the review function records it: the decided enrolment and the decision, together. */
    private String decide(String submissionId, Who coach, String alignment, String decision, String outcome) {
        Submission submission = submission(submissionId);
        Enrollment current = learning.find(submission.enrollmentId()).orElseThrow();
        Decision decided = new Decision(submissionId, current.id(), submission.attempt(),
                DecisionOutcome.fromJson(outcome).orElseThrow(), List.of(
                        new CriterionScore("alignment", alignment, null),
                        new CriterionScore("decision", decision, null)),
                "Reference feedback.", coach.userId(), coach.name(), DECIDED_AT, 86_400);
        Enrollment next = current.movedTo(EnrollmentStatus.UNDER_REVIEW, DECIDED_AT).movedTo(decided.isMastery()
                ? EnrollmentStatus.MASTERED : EnrollmentStatus.NEEDS_REVISION, DECIDED_AT);
        learning.commit(learning.newWrite().replace(current, next).item(decisions.item(decided))
                .coachLoad(current.organizationId(), coach.userId(), current.microCredentialId(), -1));
        return submissionId;
    }

    /** A submission (a reflection and a link) waiting for the coach's decision. Returns the submission id. */
    public String submitted(Who learner, Who coach, String reflection) {
        return submitted(learner, coach, reflection, null, null);
    }

    /**
     * An enrolment with attempt 1 submitted as the evidence function leaves it: its confirmed
     * artifacts (a reflection, a link and, with {@code pdf}, a file sealed in the evidence
     * bucket), the frozen attempt, and the enrolment moved to submitted in the same transaction.
     */
    private String submitted(Who learner, Who coach, String reflection, String fileName, byte[] pdf) {
        String enrollmentId = newEnrollmentId();
        String now = "2026-01-02T00:00:00.000Z";
        Enrollment enrollment = new Enrollment(enrollmentId, EnrollmentStatus.IN_PROGRESS,
                MICRO_CREDENTIAL, 1, "Checking for Understanding with Exit Tickets", ORGANIZATION, ORGANIZATION_NAME,
                learner.person(), ORGANIZATION, coach.person(), null, 0, List.of(), now, now, 1);
        learning.commit(learning.newWrite().create(enrollment));
        // The guard allows one enrolment per learner; fixtures give a learner several.
        stack.dynamoDb().deleteItem(r -> r.tableName(table("LearningTable")).key(
                LearningKeys.guard(learner.userId(), MICRO_CREDENTIAL)));
        List<String> artifactIds = new ArrayList<>();
        artifactIds.add(confirmed(Artifact.builder().enrollmentId(enrollmentId).requirementId("reflection")
                .kind(ArtifactKind.TEXT).text(reflection), now));
        artifactIds.add(confirmed(Artifact.builder().enrollmentId(enrollmentId).requirementId("materials")
                .kind(ArtifactKind.LINK).url("https://example.org/tickets/" + learner.userId()), now));
        if (fileName != null) {
            String artifactId = newId("art-");
            String sealedKey = "sealed/" + ORGANIZATION + "/" + enrollmentId + "/1/" + artifactId;
            stack.s3().putObject(r -> r.bucket(environment.required("EVIDENCE_BUCKET")).key(sealedKey)
                    .contentType("application/pdf"), RequestBody.fromBytes(pdf));
            artifactIds.add(confirmed(Artifact.builder().id(artifactId).enrollmentId(enrollmentId)
                    .requirementId("materials").kind(ArtifactKind.FILE).fileName(fileName)
                    .mediaType("application/pdf").sizeBytes((long) pdf.length).sha256(PresignedRequests.sha256(pdf))
                    .checksumVerified(true).objectKey(sealedKey).sealedKey(sealedKey), now));
        }
        Submission submission = Submission.submitted(enrollmentId, 1, SUBMITTED_AT, artifactIds);
        Enrollment moved = enrollment.movedTo(EnrollmentStatus.SUBMITTED, SUBMITTED_AT);
        Enrollment next = new Enrollment(moved.id(), moved.status(), moved.microCredentialId(),
                moved.microCredentialVersion(), moved.microCredentialTitle(), moved.organizationId(),
                moved.organizationName(), moved.learner(), moved.learnerOrganizationId(), moved.coach(),
                moved.plcGroupId(), 1, moved.evidenceTitles(), moved.createdAt(), moved.updatedAt(), moved.version());
        learning.commit(learning.newWrite().replace(enrollment, next)
                .item(artifacts.submissionItem(submission, coach.userId())));
        return submission.id();
    }

    /** Adds the artifact to attempt 1, confirmed; returns its id. */
    private String confirmed(Artifact.Builder artifact, String now) {
        Artifact built = artifact.attempt(1).status(ArtifactStatus.CONFIRMED).createdAt(now).confirmedAt(now).build();
        if (built.id() == null) {
            built = built.toBuilder().id(newId("art-")).build();
        }
        artifacts.add(built, null);
        return built.id();
    }

    private Submission submission(String submissionId) {
        int dot = submissionId.lastIndexOf('.');
        return artifacts.submission(submissionId.substring(0, dot), Integer.parseInt(submissionId.substring(dot + 1)))
                .orElseThrow();
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

    /**
     * Who choosing a coach for the micro-credential would consider, as the enrolment function
     * reads it: the pool's (or else the organisation's) active coach entries that are not still
     * calibrating for it. Which of them is chosen (the least loaded) is the enrolment function's
     * to test.
     */
    public List<String> liveCoaches() {
        return pools().candidates(ORGANIZATION, MICRO_CREDENTIAL).coaches().stream()
                .filter(coach -> coach.active() && !coach.isCalibratingFor(MICRO_CREDENTIAL))
                .map(org.microcred.records.organizations.Coach::userId).toList();
    }

    public Map<String, AttributeValue> outbox(String messageId) {
        return stack.dynamoDb().getItem(r -> r.tableName(table("LearningTable")).key(
                LearningKeys.outboxEmail(messageId)).consistentRead(true)).item();
    }

    public static String invitationMessageId(Who who, int revision) {
        return "assessor-invitation-" + ORGANIZATION + "-" + MICRO_CREDENTIAL + "-" + who.userId() + "-" + revision;
    }

    /** The token of the accept link in the invitation email. */
    public String invitationToken(Who who, int revision) {
        Matcher matcher = LINK.matcher(OutboxItems.email(outbox(invitationMessageId(who, revision))).text());
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
        return newId("enr-");
    }

    private static String newId(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
