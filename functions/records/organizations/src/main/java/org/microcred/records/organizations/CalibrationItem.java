package org.microcred.records.organizations;

import java.util.List;

/**
 * One decided submission in a calibration set with the reference decision as it was when the set
 * was chosen. {@code submissionId}, {@code enrollmentId}, {@code learnerId} and {@code decidedBy}
 * stay inside the function: assessors see only {@code itemId} and {@code label}.
 *
 * @param itemId    opaque id assessors score against (derived from the submission id, not reversible)
 * @param label     "Submission A", "Submission B", ... in the set's order
 * @param decidedBy the coach who made the reference decision (null in sets chosen before it was recorded)
 */
public record CalibrationItem(String itemId, String label, String submissionId, String enrollmentId, int attempt,
                              int version, String learnerId, String decidedBy, String outcome,
                              List<LevelChoice> reference) {
    public CalibrationItem {
        reference = List.copyOf(reference);
    }

    /**
     * The user's own work: their submission, or their own reference decision. Scoring either would
     * review their own work, and a reference decision scored by its maker measures nothing.
     */
    public boolean isOwnWorkOf(String userId) {
        return userId.equals(learnerId) || userId.equals(decidedBy);
    }
}
