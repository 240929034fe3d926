package org.microcred.records.organizations;

/** The level chosen for one rubric criterion (by a reference coach or an assessor). */
public record LevelChoice(String criterionId, String levelId) {
}
