package org.microcred.review.model;

/**
 * A submitted attempt still waiting for its coach, as the organisation's admin and the
 * reminders see it. Business days count Monday to Friday (UTC); {@code overTarget} is true once
 * it has waited longer than the organisation's target.
 */
public record WaitingReview(String submissionId, String enrollmentId, int attempt, String learnerName,
                            String microCredentialId, String microCredentialTitle, String coachId, String coachName,
                            String submittedAt, long businessDaysWaited, int targetBusinessDays,
                            boolean overTarget) {
}
