package org.microcred.records.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One immutable published version as the public sees it: the document plus who offers it,
 * which version it is and whether it is still offered.
 */
@JsonPropertyOrder({"id", "organizationId", "version", "status", "publishedAt", "competency"})
public record PublishedMicroCredential(String id, String organizationId, int version, CatalogStatus status,
                                       String publishedAt, @JsonUnwrapped MicroCredentialDocument document) {

    @JsonProperty("competency")
    public String competency() {
        return document.competency();
    }

    public PublishedMicroCredential withStatus(CatalogStatus newStatus) {
        return new PublishedMicroCredential(id, organizationId, version, newStatus, publishedAt, document);
    }
}
