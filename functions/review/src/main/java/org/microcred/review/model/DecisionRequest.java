package org.microcred.review.model;

import java.util.List;

/** A coach's decision as sent: the outcome, a score per rubric criterion and overall feedback. */
public record DecisionRequest(String outcome, List<CriterionScore> scores, String feedback) {
    public static final String MASTERY = "mastery";
    public static final String NEEDS_REVISION = "needs-revision";

    public DecisionRequest {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
