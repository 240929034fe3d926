package org.microcred.catalog.model;

/** What an organisation admin sees of a micro-credential they author: the draft and its state. */
public record AuthoringView(String id, String organizationId, CatalogStatus status, long revision,
                            Integer latestVersion, String updatedAt, MicroCredentialDocument draft) {
}
