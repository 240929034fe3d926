package org.microcred.organizations.roster;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.microcred.organizations.service.MemberDirectory;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.organizations.RecordConflictException;
import org.microcred.records.organizations.RosterImport;
import org.microcred.records.organizations.RosterImportResult;
import org.microcred.records.organizations.RosterImportStatus;
import org.microcred.records.organizations.RosterImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an uploaded roster import on by one chunk of rows. Each chunk ends in a checkpoint on
 * the import item (next row, counts, the chunk's results, version + 1), and that write is the
 * stream record that brings the next chunk here, so no invocation runs longer than one chunk.
 * A record whose version is not the import's current one was handled already (a retry or a
 * replay) and is skipped; the checkpoint is conditional on the version read, so even two
 * deliveries at once write one chunk.
 */
public final class RosterImportRunner {
    /** Rows per invocation: 250 new people (a user-pool call each) fit well within the 300-second timeout. */
    public static final int CHUNK_ROWS = RosterImports.MAX_RESULTS_PER_CHUNK;
    private static final Logger LOG = LoggerFactory.getLogger(RosterImportRunner.class);

    /** What one stream record led to. */
    public enum Step {
        /** One more chunk done; the import is still running. */
        CHUNK,
        /** The last chunk done (or a file without rows): completed. */
        COMPLETED,
        /** The file cannot be imported: failed, with the reason on the import. */
        FAILED,
        /** The record is not the import's latest version, or the import is not in progress: nothing done. */
        SKIPPED
    }

    private final RosterImports imports;
    private final RosterFiles files;
    private final RosterImporter importer;
    private final Clock clock;
    private final int chunkRows;

    RosterImportRunner(RosterImports imports, RosterFiles files, RosterImporter importer, Clock clock, int chunkRows) {
        this.imports = imports;
        this.files = files;
        this.importer = importer;
        this.clock = clock;
        this.chunkRows = chunkRows;
    }

    public static RosterImportRunner create(OrganizationsTable table, MemberDirectory directory, RosterFiles files,
                                            Clock clock) {
        return new RosterImportRunner(new RosterImports(table), files, new RosterImporter(directory), clock,
                CHUNK_ROWS);
    }

    /**
     * Does the next chunk of the import, if {@code seenVersion} (the version on the stream
     * record) is still its current one and it is queued or running.
     */
    public Step advance(String organizationId, String importId, long seenVersion) {
        Optional<RosterImport> found = imports.find(organizationId, importId);
        if (found.isEmpty() || !found.get().status().inProgress() || found.get().version() != seenVersion) {
            return Step.SKIPPED;
        }
        RosterImport current = found.get();
        Optional<byte[]> bytes = files.read(current.objectKey());
        if (bytes.isEmpty()) {
            return fail(current, "The uploaded file is gone (uploads are kept 7 days); declare a new import.");
        }
        RosterFile file;
        try {
            file = RosterCsv.read(bytes.get());
        } catch (RosterFileException unreadable) {
            return fail(current, unreadable.getMessage());
        }
        int rows = file.rows().size();
        if (rows > RosterImportService.MAX_UPLOAD_ROWS) {
            return fail(current, "The file has " + rows + " rows; an import takes at most "
                    + RosterImportService.MAX_UPLOAD_ROWS + ". Split it into several files.");
        }
        String now = clock.instant().toString();
        try {
            if (current.nextRow() >= rows) {
                imports.replace(current.completed(rows, now), current.version());
                return Step.COMPLETED;
            }
            int from = (int) current.nextRow();
            int to = Math.min(from + chunkRows, rows);
            List<RosterImportResult> results = importer.importRows(organizationId, file, from, to, current.dryRun());
            boolean last = to == rows;
            RosterImport next = current.afterChunk(last ? RosterImportStatus.COMPLETED : RosterImportStatus.RUNNING,
                    rows, to - from, current.counts().plus(results), now);
            imports.checkpoint(next, current.version(), results);
            LOG.info("Roster import {} of {}: rows {} to {} of {} done", importId, organizationId, from + 1, to, rows);
            return last ? Step.COMPLETED : Step.CHUNK;
        } catch (RecordConflictException doneMeanwhile) {
            return Step.SKIPPED;
        }
    }

    private Step fail(RosterImport current, String reason) {
        try {
            imports.replace(current.failed(reason, clock.instant().toString()), current.version());
            LOG.info("Roster import {} of {} failed: {}", current.importId(), current.organizationId(), reason);
            return Step.FAILED;
        } catch (RecordConflictException doneMeanwhile) {
            return Step.SKIPPED;
        }
    }
}
