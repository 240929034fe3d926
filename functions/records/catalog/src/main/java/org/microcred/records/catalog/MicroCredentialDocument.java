package org.microcred.records.catalog;

import java.util.List;

/**
 * The content of a micro-credential as its authors write it (see docs/catalog-format.md).
 * A draft may be incomplete; the quality criteria decide whether it can be published.
 */
public record MicroCredentialDocument(String title, String summary, String description, List<String> competencies,
                                      String keyMethod, String collection, List<String> audiences,
                                      Double creditHours, List<Resource> resources, List<Activity> activities,
                                      List<EvidenceRequirement> evidenceRequirements, List<RubricCriterion> rubric) {
    public MicroCredentialDocument {
        competencies = Lists.copy(competencies);
        audiences = Lists.copy(audiences);
        resources = Lists.copy(resources);
        activities = Lists.copy(activities);
        evidenceRequirements = Lists.copy(evidenceRequirements);
        rubric = Lists.copy(rubric);
    }

    /** The competency of a publishable document (the quality criteria require exactly one). */
    public String competency() {
        return competencies.isEmpty() ? null : competencies.get(0);
    }
}
