package org.microcred.badgeissuer.model;

import java.util.List;

/** A mastery decision as it arrived on the stream: what the badge is awarded for. */
public record Award(String enrollmentId, int attempt, String submissionId, String decidedAt, String coachName,
                    List<Score> scores) {
    public Award {
        scores = List.copyOf(scores);
    }

    /** The level a coach gave one rubric criterion. */
    public record Score(String criterionId, String levelId) {
    }
}
