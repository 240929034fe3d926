package org.microcred.records.learning;

import java.util.List;

/**
 * A submitted attempt: the artifacts it froze. Never changed after it is written; the next
 * round of evidence is attempt n+1.
 */
public record Submission(String id, String enrollmentId, int attempt, String status, String submittedAt,
                         List<String> artifactIds) {
    public Submission {
        artifactIds = List.copyOf(artifactIds);
    }

    /** The status every stored attempt has: submitted attempts are never changed. */
    public static final String SUBMITTED = "submitted";

    /** Attempt {@code attempt} of the enrolment, submitted now with the artifacts it freezes. */
    public static Submission submitted(String enrollmentId, int attempt, String submittedAt, List<String> artifactIds) {
        return new Submission(id(enrollmentId, attempt), enrollmentId, attempt, SUBMITTED, submittedAt, artifactIds);
    }

    public static String id(String enrollmentId, int attempt) {
        return enrollmentId + "." + attempt;
    }
}
