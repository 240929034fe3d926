package org.microcred.evidence.support;

import java.util.List;
import java.util.Map;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes what evidence starts from: a published micro-credential version and enrolments in it. */
public final class Seed {
    public static final String MICRO_CREDENTIAL = "exit-tickets";
    public static final String ORGANIZATION = "org-riverbend";

    private final TestStack stack;
    private final LearningStore learning;

    public Seed(TestStack stack) {
        this.stack = stack;
        this.learning = new LearningStore(stack.dynamoDb(), stack.tableName("LearningTable"),
                stack.tableName("OrganizationsTable"));
    }

    /** Version 1 of the micro-credential, with the requirements in fixtures/exit-tickets.json. */
    public void microCredential(String document) {
        stack.dynamoDb().putItem(r -> r.tableName(stack.tableName("CatalogTable")).item(Map.of(
                "pk", AttributeValue.fromS("MC#" + MICRO_CREDENTIAL), "sk", AttributeValue.fromS("V#000001"),
                "id", AttributeValue.fromS(MICRO_CREDENTIAL), "organizationId", AttributeValue.fromS(ORGANIZATION),
                "version", AttributeValue.fromN("1"), "publishedAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"),
                "document", AttributeValue.fromS(document))));
    }

    /** An in-progress enrolment of the learner with the coach (and PLC group, if any). */
    public String enrollment(Who learner, Who coach, String plcGroupId) {
        String id = newEnrollmentId();
        String now = "2026-01-02T00:00:00.000Z";
        learning.commit(learning.newWrite().create(new Enrollment(id, EnrollmentStatus.IN_PROGRESS, MICRO_CREDENTIAL,
                1, "Checking for Understanding with Exit Tickets", ORGANIZATION, "Riverbend Unified School District",
                learner.person(), ORGANIZATION, coach.person(), plcGroupId, 0, List.of(), now, now, 1)));
        // Tests give one learner many enrolments; the guard that allows only one is enrolment's concern.
        stack.dynamoDb().deleteItem(r -> r.tableName(stack.tableName("LearningTable")).key(Map.of(
                "pk", AttributeValue.fromS("LEARNER#" + learner.userId()), "sk", AttributeValue.fromS("MC#" + MICRO_CREDENTIAL))));
        return id;
    }

    /** What the review feature will do: the coach reviews and asks for a revision. */
    public void needsRevision(String enrollmentId) {
        Enrollment submitted = learning.find(enrollmentId).orElseThrow();
        Enrollment underReview = submitted.movedTo(EnrollmentStatus.UNDER_REVIEW, "2026-01-03T00:00:00.000Z");
        learning.commit(learning.newWrite().replace(submitted, underReview));
        learning.commit(learning.newWrite().replace(underReview,
                underReview.movedTo(EnrollmentStatus.NEEDS_REVISION, "2026-01-04T00:00:00.000Z")));
    }

    public Enrollment enrollmentNow(String enrollmentId) {
        return learning.find(enrollmentId).orElseThrow();
    }

    /** An id of the enrolment function's shape ({@code enr-} and 20 lower-case letters or digits). */
    private static String newEnrollmentId() {
        return "enr-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
