package org.microcred.review.model;

import java.util.List;
import org.microcred.evidence.model.Artifact;

/** A submitted attempt as a reviewer sees it: its artifacts, the rubric and the decision if any. */
public record SubmissionReview(String id, String enrollmentId, int attempt, String status, String submittedAt,
                               String microCredentialId, int version, String title, String competency,
                               List<Artifact> artifacts, List<RubricCriterion> rubric, Decision decision) {
}
