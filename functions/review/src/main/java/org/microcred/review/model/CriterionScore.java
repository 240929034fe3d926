package org.microcred.review.model;

/** The level a coach gave one criterion, with optional feedback on it. */
public record CriterionScore(String criterionId, String levelId, String feedback) {
}
