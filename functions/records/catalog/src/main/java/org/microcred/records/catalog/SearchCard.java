package org.microcred.records.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the catalog lists for one micro-credential: its latest published version in brief.
 * {@code description} is kept for searching but not sent in listings (the detail route has it).
 */
public record SearchCard(String id, String organizationId, int version, CatalogStatus status, String title,
                         String summary, String competency, String keyMethod, String collection,
                         List<String> audiences, Double creditHours, @JsonIgnore String description,
                         @JsonIgnore long changedAt) {
    public SearchCard {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    public static SearchCard of(PublishedMicroCredential published, long changedAt) {
        MicroCredentialDocument document = published.document();
        return new SearchCard(published.id(), published.organizationId(), published.version(), published.status(),
                document.title(), document.summary(), document.competency(), document.keyMethod(),
                document.collection(), document.audiences(), document.creditHours(), document.description(),
                changedAt);
    }

    @JsonIgnore
    public boolean isListed() {
        return status == CatalogStatus.PUBLISHED;
    }
}
