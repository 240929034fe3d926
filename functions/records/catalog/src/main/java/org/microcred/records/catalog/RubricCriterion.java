package org.microcred.records.catalog;

import java.util.List;

/** One row of the evaluation rubric: what is judged, from which evidence, at which levels (lowest first). */
public record RubricCriterion(String id, String criterion, String description,
                              List<String> evidenceRequirementIds, List<RubricLevel> levels) {
    public RubricCriterion {
        evidenceRequirementIds = Lists.copy(evidenceRequirementIds);
        levels = Lists.copy(levels);
    }
}
