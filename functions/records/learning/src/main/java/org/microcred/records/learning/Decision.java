package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The one decision recorded for a submitted attempt. Written once, never changed.
 *
 * @param timeToFeedbackSeconds decidedAt minus the attempt's submittedAt
 */
public record Decision(String submissionId, String enrollmentId, int attempt, DecisionOutcome outcome,
                       List<CriterionScore> scores, String feedback, String coachId, String coachName,
                       String decidedAt, long timeToFeedbackSeconds) {
    public Decision {
        scores = List.copyOf(scores);
    }

    @JsonIgnore
    public boolean isMastery() {
        return outcome == DecisionOutcome.MASTERY;
    }
}
