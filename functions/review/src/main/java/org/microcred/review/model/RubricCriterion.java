package org.microcred.review.model;

import java.util.List;
import java.util.Optional;

/** A rubric criterion with its levels ordered from lowest to highest. */
public record RubricCriterion(String id, String criterion, String description, List<RubricLevel> levels) {
    public RubricCriterion {
        levels = List.copyOf(levels);
    }

    public Optional<RubricLevel> level(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst();
    }

    /** Whether the level reaches the passing level: it is the passing one or ranked above it. */
    public boolean passes(String levelId) {
        int passing = -1;
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).passing()) {
                passing = i;
            }
            if (levels.get(i).id().equals(levelId)) {
                return passing >= 0;
            }
        }
        return false;
    }
}
