package org.microcred.enrollment.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.microcred.enrollment.model.Offering;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.PublishedCatalog;

/**
 * Micro-credentials as enrolment sees them: the search card names the latest published version
 * and whether it is retired (read strongly consistent, so a retirement a second ago counts);
 * that version's document names the evidence requirements.
 */
public class Offerings {
    private final PublishedCatalog catalog;

    public Offerings(PublishedCatalog catalog) {
        this.catalog = catalog;
    }

    /** The micro-credential as offered now, or empty if it was never published. */
    public Optional<Offering> find(String microCredentialId) {
        return catalog.currentCard(microCredentialId).map(card -> new Offering(microCredentialId, card.version(),
                card.title(), card.collection(), card.organizationId(), card.status() == CatalogStatus.RETIRED,
                catalog.currentVersion(microCredentialId, card.version())
                        .map(version -> version.document().evidenceRequirements().stream()
                                .map(EvidenceRequirement::title).filter(Objects::nonNull).toList())
                        .orElse(List.of())));
    }
}
