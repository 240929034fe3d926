package org.microcred.organizations.roster;

import java.util.List;
import java.util.Map;
import org.microcred.records.organizations.RosterImport;
import org.microcred.records.organizations.RosterImportResult;
import org.microcred.shared.domain.FieldError;

/**
 * A roster import as the org admin sees it: where it is, the counts so far and one page of the
 * per-row results (a chunk of at most 250 rows; {@code nextCursor} pages on).
 *
 * @param processedRows rows with a result so far
 * @param totalRows     person rows in the file, once it was read
 * @param upload        where to PUT the file (only in the answer that declares an upload)
 */
public record RosterImportView(String importId, String organizationId, String status, boolean dryRun, String source,
                               String fileName, Long sizeBytes, Counts counts, Long totalRows, long processedRows,
                               String failureReason, String createdAt, String updatedAt, Upload upload,
                               List<RowResult> results, String nextCursor) {

    public record Counts(long created, long updated, long unchanged, long errors) {
    }

    /** A presigned PUT: send exactly these headers; the length must be the declared size. */
    public record Upload(String url, String method, Map<String, String> headers, String expiresAt) {
    }

    /** What one row did: {@code created}, {@code updated}, {@code unchanged} or {@code error}. */
    public record RowResult(int row, String outcome, String userId, String email, List<FieldError> errors) {
        static RowResult of(RosterImportResult result) {
            return new RowResult(result.row(), result.outcome().value(), result.userId(), result.email(),
                    result.errors().stream().map(problem -> new FieldError(problem.field(), problem.message()))
                            .toList());
        }
    }

    static RosterImportView of(RosterImport rosterImport, Upload upload, List<RosterImportResult> results,
                               String nextCursor) {
        var counts = rosterImport.counts();
        boolean uploaded = RosterImport.FROM_UPLOAD.equals(rosterImport.source());
        return new RosterImportView(rosterImport.importId(), rosterImport.organizationId(),
                rosterImport.status().value(), rosterImport.dryRun(), rosterImport.source(), rosterImport.fileName(),
                uploaded ? rosterImport.sizeBytes() : null,
                new Counts(counts.created(), counts.updated(), counts.unchanged(), counts.errors()),
                rosterImport.totalRows() < 0 ? null : rosterImport.totalRows(), rosterImport.nextRow(),
                rosterImport.failureReason(), rosterImport.createdAt(), rosterImport.updatedAt(), upload,
                results.stream().map(RowResult::of).toList(), nextCursor);
    }
}
