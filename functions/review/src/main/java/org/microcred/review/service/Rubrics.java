package org.microcred.review.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;

/**
 * The rubric (and the evidence requirements' titles) of a published micro-credential version,
 * as coaches score against it. Published versions never change; the catalog keeps each.
 */
public class Rubrics {
    private final PublishedCatalog catalog;

    public Rubrics(PublishedCatalog catalog) {
        this.catalog = catalog;
    }

    /** The rubric of one published version; empty if the version is missing. */
    public Optional<Rubric> rubric(String microCredentialId, int version) {
        return catalog.version(microCredentialId, version).map(published -> of(published.document()));
    }

    static Rubric of(MicroCredentialDocument document) {
        List<RubricCriterion> criteria = document.rubric().stream().map(criterion -> new RubricCriterion(
                text(criterion.id()), text(criterion.criterion()), text(criterion.description()),
                criterion.levels().stream().map(level -> new RubricLevel(text(level.id()), text(level.name()),
                        text(level.description()), level.passing())).toList())).toList();
        Map<String, String> requirementTitles = new HashMap<>();
        document.evidenceRequirements().stream()
                .filter(requirement -> requirement.id() != null && requirement.title() != null)
                .forEach(requirement -> requirementTitles.put(requirement.id(), requirement.title()));
        return new Rubric(text(document.title()), text(document.competency()), criteria, requirementTitles);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
