package org.microcred.records.organizations;

/**
 * One import of a roster into an organisation's members, and how far it got. An uploaded
 * roster is imported a chunk of rows at a time; {@code nextRow} and the counts are its
 * checkpoint, and every checkpoint adds one item of per-row results ({@code resultChunks}).
 *
 * @param source        {@code request} (the CSV was the request body) or {@code upload} (presigned PUT)
 * @param fileName      as the admin named it (uploads only)
 * @param sizeBytes     the declared size of the upload; the stored object must have it
 * @param objectKey     the roster bucket's key of the upload: {@code rosters/<orgId>/<importId>.csv}
 * @param totalRows     person rows in the file (blank lines excluded), once it was read; -1 before
 * @param nextRow       how many person rows are done: the next chunk starts there (0-based)
 * @param resultChunks  how many result items exist ({@code RESULTS#00001} ..)
 * @param failureReason why a {@code failed} import stopped (a file that is not a roster)
 * @param version       optimistic lock, +1 on every write: a checkpoint applies only to the version it read
 */
public record RosterImport(String organizationId, String importId, RosterImportStatus status, boolean dryRun,
                           String source, String fileName, long sizeBytes, String objectKey, long totalRows,
                           long nextRow, RosterImportCounts counts, int resultChunks, String failureReason,
                           long version, String createdBy, String createdAt, String updatedAt) {
    public static final String FROM_REQUEST = "request";
    public static final String FROM_UPLOAD = "upload";

    public RosterImport {
        counts = counts == null ? RosterImportCounts.NONE : counts;
    }

    /** The next version of this import, in {@code status}, at {@code now}. */
    public RosterImport next(RosterImportStatus newStatus, String now) {
        return new RosterImport(organizationId, importId, newStatus, dryRun, source, fileName, sizeBytes, objectKey,
                totalRows, nextRow, counts, resultChunks, failureReason, version + 1, createdBy, createdAt, now);
    }

    /** The next version after one more chunk of {@code rows} rows: results item number {@code resultChunks + 1}. */
    public RosterImport afterChunk(RosterImportStatus newStatus, long fileRows, int rows, RosterImportCounts newCounts,
                                   String now) {
        return new RosterImport(organizationId, importId, newStatus, dryRun, source, fileName, sizeBytes, objectKey,
                fileRows, nextRow + rows, newCounts, resultChunks + 1, failureReason, version + 1, createdBy,
                createdAt, now);
    }

    /** The next version, completed without another chunk (a file with no rows left to do). */
    public RosterImport completed(long fileRows, String now) {
        return new RosterImport(organizationId, importId, RosterImportStatus.COMPLETED, dryRun, source, fileName,
                sizeBytes, objectKey, fileRows, nextRow, counts, resultChunks, failureReason, version + 1, createdBy,
                createdAt, now);
    }

    /** The next version, failed for {@code reason}. */
    public RosterImport failed(String reason, String now) {
        return new RosterImport(organizationId, importId, RosterImportStatus.FAILED, dryRun, source, fileName,
                sizeBytes, objectKey, totalRows, nextRow, counts, resultChunks, reason, version + 1, createdBy,
                createdAt, now);
    }
}
