package org.microcred.review.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a coach scores against: the competency and rubric of one published micro-credential
 * version, and the titles of its evidence requirements (artifacts carry only requirement ids).
 */
public record Rubric(String title, String competency, List<RubricCriterion> criteria,
                     Map<String, String> requirementTitles) {
    public Rubric {
        criteria = List.copyOf(criteria);
        requirementTitles = Map.copyOf(requirementTitles);
    }

    public Optional<RubricCriterion> criterion(String criterionId) {
        return criteria.stream().filter(criterion -> criterion.id().equals(criterionId)).findFirst();
    }

    /** The author's title of an evidence requirement; its id if the document gives none. */
    public String requirementTitle(String requirementId) {
        String title = requirementTitles.get(requirementId);
        return title == null || title.isBlank() ? requirementId : title;
    }
}
