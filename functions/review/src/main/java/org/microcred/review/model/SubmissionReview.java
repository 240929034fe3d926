package org.microcred.review.model;

import java.util.List;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.Decision;

/**
 * A submitted attempt as a reviewer sees it: its artifacts, the rubric and the decision if any.
 *
 * @param mayDecide whether the caller may record the decision: only its assigned, active coach, and
 *                  never on their own submission (the learner and admins read without deciding)
 */
public record SubmissionReview(String id, String enrollmentId, int attempt, String status, String submittedAt,
                               String microCredentialId, int version, String title, String competency,
                               List<Artifact> artifacts, List<RubricCriterion> rubric, Decision decision,
                               boolean mayDecide) {
}
