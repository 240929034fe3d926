package org.microcred.review.model;

/** One submitted attempt waiting for the coach's decision. */
public record QueueEntry(String submissionId, String enrollmentId, int attempt, String microCredentialId,
                         String microCredentialTitle, String learnerName, String submittedAt, long waitingSeconds) {
}
