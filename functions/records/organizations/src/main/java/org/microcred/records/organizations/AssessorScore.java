package org.microcred.records.organizations;

import java.util.List;

/** What an assessor scored for one calibration item. Written once. */
public record AssessorScore(String itemId, List<LevelChoice> scores, String outcome, String scoredAt) {
    public AssessorScore {
        scores = List.copyOf(scores);
    }
}
