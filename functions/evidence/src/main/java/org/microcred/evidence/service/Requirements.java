package org.microcred.evidence.service;

import java.util.List;
import java.util.Objects;
import org.microcred.evidence.model.EvidenceRequirement;
import org.microcred.records.catalog.PublishedCatalog;

/**
 * The evidence requirements of the published version an enrolment is in, in the author's order,
 * as the evidence rules check them. Published versions never change; the catalog keeps each.
 */
public class Requirements {
    private final PublishedCatalog catalog;

    public Requirements(PublishedCatalog catalog) {
        this.catalog = catalog;
    }

    /** The requirements of one published version; empty if the version is missing. */
    public List<EvidenceRequirement> requirements(String microCredentialId, int version) {
        return catalog.version(microCredentialId, version)
                .map(published -> published.document().evidenceRequirements().stream().map(Requirements::of).toList())
                .orElse(List.of());
    }

    private static EvidenceRequirement of(org.microcred.records.catalog.EvidenceRequirement requirement) {
        return new EvidenceRequirement(Objects.requireNonNullElse(requirement.id(), ""),
                Objects.requireNonNullElse(requirement.title(), ""),
                requirement.kinds().stream().map(Object::toString).toList(), requirement.mediaTypes(),
                requirement.maxSizeBytes() == null ? 0 : requirement.maxSizeBytes(), requirement.required());
    }
}
