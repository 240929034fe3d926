package org.microcred.badges.issuer.model;

import java.util.List;

/**
 * A mastery decision as it arrived on the stream: what the badge is awarded for.
 *
 * @param sequenceNumber the stream record's, reported back if the badge cannot be issued yet
 */
public record Award(String enrollmentId, int attempt, String submissionId, String decidedAt, String coachName,
                    List<Score> scores, String sequenceNumber) {
    public Award {
        scores = List.copyOf(scores);
    }

    /** The level a coach gave one rubric criterion. */
    public record Score(String criterionId, String levelId) {
    }
}
