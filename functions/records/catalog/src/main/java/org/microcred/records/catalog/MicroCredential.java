package org.microcred.records.catalog;

/**
 * A micro-credential as its owning organisation manages it: the editable draft, how many
 * times it was edited ({@code revision}, the optimistic-locking version) and published.
 *
 * @param publishedRevision the draft revision that became {@code latestVersion}; equal to
 *                          {@code revision} when nothing changed since the last publish
 */
public record MicroCredential(String id, String organizationId, CatalogStatus status, long revision,
                              int latestVersion, long publishedRevision, String createdAt, String updatedAt,
                              MicroCredentialDocument draft) {

    public boolean hasUnpublishedChanges() {
        return latestVersion == 0 || revision != publishedRevision;
    }

    public MicroCredential edited(MicroCredentialDocument newDraft, String now) {
        return new MicroCredential(id, organizationId, status, revision + 1, latestVersion, publishedRevision,
                createdAt, now, newDraft);
    }

    public MicroCredential published(String now) {
        return new MicroCredential(id, organizationId, CatalogStatus.PUBLISHED, revision + 1, latestVersion + 1,
                revision + 1, createdAt, now, draft);
    }

    public MicroCredential retired(String now) {
        return new MicroCredential(id, organizationId, CatalogStatus.RETIRED, revision + 1, latestVersion,
                publishedRevision + (hasUnpublishedChanges() ? 0 : 1), createdAt, now, draft);
    }
}
