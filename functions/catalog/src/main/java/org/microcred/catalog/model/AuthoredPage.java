package org.microcred.catalog.model;

import java.util.List;
import org.microcred.records.catalog.AuthoredEntry;
import org.microcred.records.catalog.CatalogStatus;

/** A page of an organisation's micro-credentials, most recently edited first. */
public record AuthoredPage(List<AuthoredItem> items, String nextCursor) {

    /** As the API shows an entry: {@code latestVersion} null while never published. */
    public record AuthoredItem(String id, String title, CatalogStatus status, long revision, Integer latestVersion,
                               boolean unpublishedChanges, String createdAt, String updatedAt) {

        public static AuthoredItem of(AuthoredEntry entry) {
            return new AuthoredItem(entry.id(), entry.title(), entry.status(), entry.revision(),
                    entry.latestVersion() == 0 ? null : entry.latestVersion(),
                    entry.latestVersion() == 0 || entry.revision() != entry.publishedRevision(),
                    entry.createdAt(), entry.updatedAt());
        }
    }
}
