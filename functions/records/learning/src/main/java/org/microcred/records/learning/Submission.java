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

    public static String id(String enrollmentId, int attempt) {
        return enrollmentId + "." + attempt;
    }
}
