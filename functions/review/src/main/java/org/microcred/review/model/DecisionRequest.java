package org.microcred.review.model;

import java.util.List;
import org.microcred.records.learning.CriterionScore;

/**
 * A coach's decision as sent: the outcome ({@code mastery} or {@code needs-revision}, checked by
 * the rules so a wrong one is a 400 naming the field), a score per rubric criterion and overall feedback.
 */
public record DecisionRequest(String outcome, List<CriterionScore> scores, String feedback) {

    public DecisionRequest {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
