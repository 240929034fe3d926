package org.microcred.insights.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes learning-table items in the shapes docs/data-model.md gives them (what the enrolment,
 * evidence and review functions write), one enrolment's life at a time, so the table's stream
 * carries the same INSERT and MODIFY records production would.
 */
public final class Learning {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public Learning(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public record Person(String id, String name, String email) {
    }

    /** Enrols a learner (in-progress with a coach, awaiting-coach without) at {@code at}. */
    public Enrollment enrol(String enrollmentId, String org, String microCredentialId, String title, Person learner,
                            Person coach, String at) {
        Enrollment enrollment = new Enrollment(enrollmentId, org, microCredentialId, title, learner, coach, at);
        enrollment.write(coach == null ? "awaiting-coach" : "in-progress", at);
        return enrollment;
    }

    /** One enrolment as its owner functions change it. */
    public final class Enrollment {
        private final String id;
        private final String org;
        private final String microCredentialId;
        private final String title;
        private final Person learner;
        private final Person coach;
        private final String createdAt;
        private long version;
        private int attempts;
        private String status;
        private String submittedAt;

        private Enrollment(String id, String org, String microCredentialId, String title, Person learner, Person coach,
                           String createdAt) {
            this.id = id;
            this.org = org;
            this.microCredentialId = microCredentialId;
            this.title = title;
            this.learner = learner;
            this.coach = coach;
            this.createdAt = createdAt;
        }

        public Enrollment submit(String at) {
            attempts++;
            submittedAt = at;
            Map<String, AttributeValue> attempt = key("ENR#" + id, "ATTEMPT#%04d".formatted(attempts));
            attempt.put("submissionId", s(id + "." + attempts));
            attempt.put("enrollmentId", s(id));
            attempt.put("attempt", n(attempts));
            attempt.put("status", s("submitted"));
            attempt.put("submittedAt", s(at));
            attempt.put("artifactIds", AttributeValue.fromL(List.of(s("art-1"))));
            attempt.put("coachId", s(coach.id()));
            put(attempt);
            write("submitted", at);
            return this;
        }

        /** The coach's decision on the latest attempt; the time to feedback is counted from its submission. */
        public Enrollment decide(String at, boolean mastery) {
            long seconds = Duration.between(Instant.parse(submittedAt), Instant.parse(at)).getSeconds();
            Map<String, AttributeValue> decision = key("ENR#" + id, "ATTEMPT#%04d#DECISION".formatted(attempts));
            decision.put("submissionId", s(id + "." + attempts));
            decision.put("enrollmentId", s(id));
            decision.put("attempt", n(attempts));
            decision.put("outcome", s(mastery ? "mastery" : "needs-revision"));
            decision.put("coachId", s(coach.id()));
            decision.put("decidedAt", s(at));
            decision.put("timeToFeedbackSeconds", n(seconds));
            decision.put("decision", s("{\"feedback\":\"Evidence text the reports must never show\"}"));
            put(decision);
            write(mastery ? "mastered" : "needs-revision", at);
            return this;
        }

        public Enrollment withdraw(String at) {
            write("withdrawn", at);
            return this;
        }

        public String id() {
            return id;
        }

        private void write(String newStatus, String at) {
            status = newStatus;
            version++;
            Map<String, AttributeValue> item = key("ENR#" + id, "ENROLLMENT");
            item.put("enrollmentId", s(id));
            item.put("status", s(status));
            item.put("version", n(version));
            item.put("createdAt", s(createdAt));
            item.put("updatedAt", s(at));
            item.put("learnerKey", s("LEARNER#" + learner.id()));
            item.put("orgStatusKey", s(org + "#" + status));
            item.put("microCredentialId", s(microCredentialId));
            item.put("microCredentialVersion", n(1));
            item.put("title", s(title));
            item.put("organizationId", s(org));
            item.put("organizationName", s("Riverbend Unified"));
            item.put("learnerId", s(learner.id()));
            item.put("learnerName", s(learner.name()));
            item.put("learnerEmail", s(learner.email()));
            item.put("learnerOrganizationId", s(org));
            if (coach != null) {
                item.put("coachKey", s("COACH#" + coach.id()));
                item.put("coachId", s(coach.id()));
                item.put("coachName", s(coach.name()));
                item.put("coachEmail", s(coach.email()));
            }
            item.put("attempts", n(attempts));
            item.put("evidenceTitles", AttributeValue.fromL(List.of(s("Lesson plan"))));
            put(item);
        }
    }

    /** An outbox email, which the aggregator must ignore. */
    public void email(String messageId) {
        Map<String, AttributeValue> item = key("OUTBOX#" + messageId, "EMAIL");
        item.put("messageId", s(messageId));
        item.put("subject", s("Welcome"));
        put(item);
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
