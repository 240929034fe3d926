package org.microcred.records.learning;

/** The level a coach gave one criterion, with optional feedback on it. */
public record CriterionScore(String criterionId, String levelId, String feedback) {
}
