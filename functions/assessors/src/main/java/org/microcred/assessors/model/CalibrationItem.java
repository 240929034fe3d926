package org.microcred.assessors.model;

import java.util.List;

/**
 * One decided submission in a calibration set with the reference decision as it was when the set
 * was chosen. {@code submissionId}, {@code enrollmentId} and {@code learnerId} stay inside the
 * function: assessors see only {@code itemId} and {@code label}.
 *
 * @param itemId opaque id assessors score against (derived from the submission id, not reversible)
 * @param label  "Submission A", "Submission B", ... in the set's order
 */
public record CalibrationItem(String itemId, String label, String submissionId, String enrollmentId, int attempt,
                              int version, String learnerId, String outcome, List<LevelChoice> reference) {
    public CalibrationItem {
        reference = List.copyOf(reference);
    }
}
