package org.microcred.assessors.model;

import java.util.List;
import org.microcred.records.organizations.LevelChoice;

/** An assessor's scoring of one calibration item: a level per criterion and the outcome they would decide. */
public record ScoreRequest(String itemId, List<LevelChoice> scores, String outcome) {
    public ScoreRequest {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
