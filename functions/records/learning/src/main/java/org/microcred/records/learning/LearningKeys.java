package org.microcred.records.learning;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microcred.records.core.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the LearningTable, spelled once (docs/data-model.md, "LearningTable"): the
 * enrolment {@code ENR#id / ENROLLMENT} with its attempts, artifacts and decisions in the same
 * partition, the guard {@code LEARNER#user / MC#id}, the PLC {@code PLC#id / GROUP}, the email
 * {@code OUTBOX#messageId / EMAIL} and its {@code STATUS}; the index keys and index names. The
 * {@code is...}/{@code ...Of} helpers recognise items by their keys, e.g. in a stream image.
 */
public final class LearningKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";

    /** Index of a learner's enrolments: {@code learnerKey}, sorted by {@code updatedAt}. */
    public static final String BY_LEARNER = "ByLearner";
    /** Index of a coach's enrolments (sparse: only enrolments with a coach): {@code coachKey}, {@code updatedAt}. */
    public static final String BY_COACH = "ByCoach";
    /** Index of an organisation's enrolments in one status: {@code orgStatusKey}, {@code updatedAt}. */
    public static final String BY_ORGANIZATION_STATUS = "ByOrganizationStatus";
    public static final String LEARNER_KEY = "learnerKey";
    public static final String COACH_KEY = "coachKey";
    public static final String ORG_STATUS_KEY = "orgStatusKey";
    public static final String UPDATED_AT = "updatedAt";

    static final String ENROLLMENT_PREFIX = "ENR#";
    static final String ENROLLMENT = "ENROLLMENT";
    static final String LEARNER_PREFIX = "LEARNER#";
    static final String COACH_PREFIX = "COACH#";
    static final String GUARD_PREFIX = "MC#";
    static final String GROUP_PREFIX = "PLC#";
    static final String GROUP = "GROUP";
    static final String OUTBOX_PREFIX = "OUTBOX#";
    static final String EMAIL = "EMAIL";
    static final String EMAIL_STATUS = "STATUS";
    static final String ATTEMPT_PREFIX = "ATTEMPT#";
    private static final String ATTEMPT = "ATTEMPT#%04d";
    private static final String ARTIFACT_INFIX = "#ARTIFACT#";
    private static final String DECISION_SUFFIX = "#DECISION";
    private static final Pattern DECISION = Pattern.compile("ATTEMPT#(\\d+)#DECISION");

    private LearningKeys() {
    }

    // Partition and sort keys.

    public static String enrollmentPartition(String enrollmentId) {
        return ENROLLMENT_PREFIX + enrollmentId;
    }

    public static String outboxPartition(String messageId) {
        return OUTBOX_PREFIX + messageId;
    }

    /** {@code ATTEMPT#0001}: the submitted attempt 1. */
    public static String attemptSortKey(int attempt) {
        return String.format(ATTEMPT, attempt);
    }

    /** {@code ATTEMPT#0001#ARTIFACT#}: what every artifact of attempt 1 begins with. */
    public static String artifactPrefix(int attempt) {
        return attemptSortKey(attempt) + ARTIFACT_INFIX;
    }

    /** {@code ATTEMPT#0001#DECISION}: the decision on attempt 1. */
    public static String decisionSortKey(int attempt) {
        return attemptSortKey(attempt) + DECISION_SUFFIX;
    }

    // Index partition values.

    public static String learnerKey(String userId) {
        return LEARNER_PREFIX + userId;
    }

    public static String coachKey(String coachId) {
        return COACH_PREFIX + coachId;
    }

    public static String orgStatusKey(String organizationId, EnrollmentStatus status) {
        return organizationId + "#" + status.json();
    }

    // Whole keys.

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attributes.s(pk), SK, Attributes.s(sk));
    }

    public static Map<String, AttributeValue> enrollment(String enrollmentId) {
        return key(enrollmentPartition(enrollmentId), ENROLLMENT);
    }

    public static Map<String, AttributeValue> guard(String userId, String microCredentialId) {
        return key(learnerKey(userId), GUARD_PREFIX + microCredentialId);
    }

    static Map<String, AttributeValue> group(String groupId) {
        return key(GROUP_PREFIX + groupId, GROUP);
    }

    static Map<String, AttributeValue> attempt(String enrollmentId, int attempt) {
        return key(enrollmentPartition(enrollmentId), attemptSortKey(attempt));
    }

    static Map<String, AttributeValue> artifact(String enrollmentId, int attempt, String artifactId) {
        return key(enrollmentPartition(enrollmentId), artifactPrefix(attempt) + artifactId);
    }

    static Map<String, AttributeValue> decision(String enrollmentId, int attempt) {
        return key(enrollmentPartition(enrollmentId), decisionSortKey(attempt));
    }

    public static Map<String, AttributeValue> outboxEmail(String messageId) {
        return key(outboxPartition(messageId), EMAIL);
    }

    static Map<String, AttributeValue> outboxStatus(String messageId) {
        return key(outboxPartition(messageId), EMAIL_STATUS);
    }

    // Recognising items by their keys (stream images, query results).

    /** Whether the keys are an enrolment's: {@code ENR#id / ENROLLMENT}. */
    public static boolean isEnrollment(String pk, String sk) {
        return pk != null && pk.startsWith(ENROLLMENT_PREFIX) && ENROLLMENT.equals(sk);
    }

    /** The enrolment id of a key in an enrolment's partition ({@code ENR#id}), if it is one. */
    public static Optional<String> enrollmentIdOf(String pk) {
        return suffix(pk, ENROLLMENT_PREFIX);
    }

    /** The attempt a decision's sort key ({@code ATTEMPT#000n#DECISION}) names, or empty for any other key. */
    public static OptionalInt attemptOfDecision(String sk) {
        Matcher matcher = DECISION.matcher(sk == null ? "" : sk);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** Whether the keys are a decision's: {@code ENR#id / ATTEMPT#000n#DECISION}. */
    public static boolean isDecision(String pk, String sk) {
        return enrollmentIdOf(pk).isPresent() && attemptOfDecision(sk).isPresent();
    }

    /** Whether the keys are an outbox email's (not its status item): {@code OUTBOX#messageId / EMAIL}. */
    public static boolean isOutboxEmail(String pk, String sk) {
        return messageIdOf(pk).isPresent() && EMAIL.equals(sk);
    }

    /** The message id an outbox partition key carries, or empty if the key is not an outbox key. */
    public static Optional<String> messageIdOf(String pk) {
        return suffix(pk, OUTBOX_PREFIX);
    }

    private static Optional<String> suffix(String key, String prefix) {
        if (key == null || !key.startsWith(prefix) || key.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(key.substring(prefix.length()));
    }
}
