package org.microcred.assessors.model;

import java.util.List;
import java.util.Optional;

/** The rubric of one published micro-credential version, as assessors score against it. */
public record Rubric(String title, String competency, List<Criterion> criteria) {
    public Rubric {
        criteria = List.copyOf(criteria);
    }

    /** A rubric criterion with its levels ordered from lowest to highest. */
    public record Criterion(String id, String criterion, String description, List<Level> levels) {
        public Criterion {
            levels = List.copyOf(levels);
        }

        public boolean hasLevel(String levelId) {
            return levels.stream().anyMatch(level -> level.id().equals(levelId));
        }
    }

    /** One level; {@code passing} marks the lowest level that passes. */
    public record Level(String id, String name, String description, boolean passing) {
    }

    public Optional<Criterion> criterion(String criterionId) {
        return criteria.stream().filter(criterion -> criterion.id().equals(criterionId)).findFirst();
    }
}
