package org.microcred.assessors.service;

import java.util.Objects;
import java.util.Optional;
import org.microcred.assessors.model.Rubric;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.catalog.PublishedMicroCredential;

/**
 * Published micro-credentials as the assessor pathway reads them: the card names the latest
 * published version, the immutable version gives owner, title, collection and rubric.
 */
public class CatalogReader {
    private final PublishedCatalog catalog;

    public CatalogReader(PublishedCatalog catalog) {
        this.catalog = catalog;
    }

    /** A published version: who offers it, its title and collection, and its rubric. */
    public record Version(String microCredentialId, int version, String organizationId, String title, String collection,
                          Rubric rubric) {
    }

    /** The latest published version; empty if the micro-credential was never published. */
    public Optional<Version> latest(String microCredentialId) {
        return catalog.card(microCredentialId).flatMap(card -> version(microCredentialId, card.version())
                // The card's collection is the one enrolment matches coaches by; prefer it to the document's.
                .map(v -> card.collection() == null ? v : new Version(v.microCredentialId(), v.version(),
                        v.organizationId(), v.title(), card.collection(), v.rubric())));
    }

    public Optional<Version> version(String microCredentialId, int version) {
        return catalog.version(microCredentialId, version).map(CatalogReader::of);
    }

    static Version of(PublishedMicroCredential published) {
        MicroCredentialDocument document = published.document();
        String title = Objects.requireNonNullElse(document.title(), published.id());
        Rubric rubric = new Rubric(title, text(document.competency()), document.rubric().stream()
                .map(criterion -> new Rubric.Criterion(text(criterion.id()), text(criterion.criterion()),
                        text(criterion.description()), criterion.levels().stream().map(level -> new Rubric.Level(
                                text(level.id()), text(level.name()), text(level.description()), level.passing()))
                                .toList()))
                .toList());
        return new Version(published.id(), published.version(), published.organizationId(), title,
                document.collection(), rubric);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
