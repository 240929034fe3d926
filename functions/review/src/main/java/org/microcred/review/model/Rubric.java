package org.microcred.review.model;

import java.util.List;
import java.util.Optional;

/** What a coach scores against: the competency and rubric of one published micro-credential version. */
public record Rubric(String title, String competency, List<RubricCriterion> criteria) {
    public Rubric {
        criteria = List.copyOf(criteria);
    }

    public Optional<RubricCriterion> criterion(String criterionId) {
        return criteria.stream().filter(criterion -> criterion.id().equals(criterionId)).findFirst();
    }
}
