package org.microcred.catalog.model;

import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.MicroCredential;
import org.microcred.records.catalog.MicroCredentialDocument;

/** What an organisation admin sees of a micro-credential they author: the draft and its state. */
public record AuthoringView(String id, String organizationId, CatalogStatus status, long revision,
                            Integer latestVersion, String updatedAt, MicroCredentialDocument draft) {

    public static AuthoringView of(MicroCredential mc) {
        return new AuthoringView(mc.id(), mc.organizationId(), mc.status(), mc.revision(),
                mc.latestVersion() == 0 ? null : mc.latestVersion(), mc.updatedAt(), mc.draft());
    }
}
