package org.microcred.organizations.roster;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.microcred.organizations.service.MemberDirectory;
import org.microcred.organizations.service.OrganizationAccess;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.core.Page;
import org.microcred.records.organizations.RecordConflictException;
import org.microcred.records.organizations.RosterImport;
import org.microcred.records.organizations.RosterImportCounts;
import org.microcred.records.organizations.RosterImportResult;
import org.microcred.records.organizations.RosterImportStatus;
import org.microcred.records.organizations.RosterImports;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.domain.TooLarge;
import org.microcred.shared.identity.Caller;

/**
 * Roster imports as the org admin drives them: a small roster imported within the request, a
 * large one declared, uploaded with a presigned PUT and started (RosterImportFunction does the
 * rows), and any import's progress and per-row results read back.
 */
public final class RosterImportService {
    /** Each new person costs a user-pool call; 200 of them fit API Gateway's 30 seconds. */
    public static final int MAX_REQUEST_ROWS = 200;
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    public static final int MAX_UPLOAD_ROWS = 10_000;
    public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    static final Duration UPLOAD_EXPIRY = Duration.ofMinutes(15);
    static final String CSV = "text/csv";
    private static final Pattern IMPORT_ID = Pattern.compile("imp-[0-9a-f]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationProfiles profiles;
    private final RosterImports imports;
    private final RosterFiles files;
    private final RosterImporter importer;
    private final Clock clock;

    RosterImportService(OrganizationProfiles profiles, RosterImports imports, RosterFiles files,
                        RosterImporter importer, Clock clock) {
        this.profiles = profiles;
        this.imports = imports;
        this.files = files;
        this.importer = importer;
        this.clock = clock;
    }

    public static RosterImportService create(OrganizationsTable table, MemberDirectory directory, RosterFiles files,
                                             Clock clock) {
        return new RosterImportService(new OrganizationProfiles(table), new RosterImports(table), files,
                new RosterImporter(directory), clock);
    }

    /** {@code POST} with a CSV body: every row imported now, the report stored and returned. */
    public RosterImportView importNow(Caller caller, String organizationId, byte[] csv, boolean dryRun) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOrganization(organizationId);
        if (csv.length > MAX_REQUEST_BYTES) {
            throw tooLargeForRequest(organizationId, "The roster is " + csv.length + " bytes; a request imports at most "
                    + MAX_REQUEST_BYTES + " bytes (256 KiB) and " + MAX_REQUEST_ROWS + " rows.");
        }
        if (csv.length == 0) {
            throw new Invalid("body", "is empty: send the roster as CSV with a header row");
        }
        RosterFile file = readOrReject(csv);
        int rows = file.rows().size();
        if (rows > MAX_REQUEST_ROWS) {
            throw tooLargeForRequest(organizationId, "The roster has " + rows + " rows; a request imports at most "
                    + MAX_REQUEST_ROWS + " (each new person needs a sign-in account, and a request must finish "
                    + "within 30 seconds).");
        }
        List<RosterImportResult> results = importer.importRows(organizationId, file, 0, rows, dryRun);
        String now = clock.instant().toString();
        RosterImport finished = new RosterImport(organizationId, newImportId(), RosterImportStatus.COMPLETED, dryRun,
                RosterImport.FROM_REQUEST, null, csv.length, null, rows, rows, RosterImportCounts.NONE.plus(results),
                results.isEmpty() ? 0 : 1, null, 1, caller.userId(), now, now);
        imports.createFinished(finished, results);
        return RosterImportView.of(finished, null, results, null);
    }

    /** {@code POST} with JSON: a large roster declared, answered with where to upload it. */
    public RosterImportView declareUpload(Caller caller, String organizationId, RosterUploadRequest request,
                                          boolean dryRun) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOrganization(organizationId);
        String fileName = validFileName(request);
        String importId = newImportId();
        String objectKey = RosterFiles.objectKey(organizationId, importId);
        String now = clock.instant().toString();
        RosterImport declared = new RosterImport(organizationId, importId, RosterImportStatus.AWAITING_UPLOAD, dryRun,
                RosterImport.FROM_UPLOAD, fileName, request.size(), objectKey, -1, 0, RosterImportCounts.NONE, 0,
                null, 1, caller.userId(), now, now);
        imports.create(declared);
        String url = files.presignPut(objectKey, CSV, request.size(), UPLOAD_EXPIRY);
        var upload = new RosterImportView.Upload(url, "PUT", Map.of("Content-Type", CSV),
                clock.instant().plus(UPLOAD_EXPIRY).toString());
        return RosterImportView.of(declared, upload, List.of(), null);
    }

    /**
     * {@code POST .../start}: the upload is there with the declared size, so the import is
     * queued (the stream takes it from there). Starting a started import changes nothing.
     */
    public RosterImportView start(Caller caller, String organizationId, String importId) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        RosterImport current = existing(organizationId, importId);
        if (RosterImport.FROM_REQUEST.equals(current.source())) {
            throw new Conflict("Roster import " + importId + " was imported within its request; there is "
                    + "nothing to start.");
        }
        if (current.status() == RosterImportStatus.FAILED) {
            throw new Conflict("Roster import " + importId + " failed: " + current.failureReason()
                    + " Declare a new import for the corrected file.");
        }
        if (current.status() != RosterImportStatus.AWAITING_UPLOAD) {
            return RosterImportView.of(current, null, List.of(), null);
        }
        Optional<Long> stored = files.size(current.objectKey());
        if (stored.isEmpty()) {
            throw new Conflict("not-uploaded", "Nothing uploaded yet", "Roster import " + importId
                    + " has no file yet: PUT it to the upload URL first (it expires 15 minutes after the "
                    + "declaration; after that, declare the import again).");
        }
        if (stored.get() != current.sizeBytes()) {
            throw new RuleBroken("upload-mismatch", "The upload differs from the declaration", "The uploaded "
                    + "file has " + stored.get() + " bytes, but " + current.sizeBytes() + " were declared.",
                    List.of(new FieldError("size", "is " + current.sizeBytes() + " but the upload has "
                            + stored.get() + " bytes")));
        }
        RosterImport queued = current.next(RosterImportStatus.QUEUED, clock.instant().toString());
        try {
            imports.replace(queued, current.version());
            return RosterImportView.of(queued, null, List.of(), null);
        } catch (RecordConflictException startedMeanwhile) {
            return RosterImportView.of(existing(organizationId, importId), null, List.of(), null);
        }
    }

    /** {@code GET}: status, counts and one chunk of the per-row results. */
    public RosterImportView get(Caller caller, String organizationId, String importId, Optional<String> cursor) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        RosterImport current = existing(organizationId, importId);
        Page<RosterImportResult> page = imports.results(current, cursor);
        return RosterImportView.of(current, null, page.items(), page.nextCursor().orElse(null));
    }

    private RosterFile readOrReject(byte[] csv) {
        try {
            return RosterCsv.read(csv);
        } catch (RosterFileException unreadable) {
            throw new Invalid(unreadable.getMessage(), unreadable.problems());
        }
    }

    private String validFileName(RosterUploadRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String fileName = request.fileName() == null ? null : request.fileName().strip();
        if (fileName != null && (fileName.isEmpty() || fileName.length() > 255
                || fileName.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("fileName", "must be 1 to 255 characters on one line"));
        }
        if (request.size() == null) {
            errors.add(new FieldError("size", "is required: the file's size in bytes"));
        } else if (request.size() < 1) {
            errors.add(new FieldError("size", "must be at least 1 byte"));
        } else if (request.size() > MAX_UPLOAD_BYTES) {
            throw new TooLarge("payload-too-large", "Roster too large", "An import takes at most "
                    + MAX_UPLOAD_BYTES + " bytes (5 MiB) and " + MAX_UPLOAD_ROWS + " rows; split the roster into "
                    + "several files.", List.of(new FieldError("size", "must be at most " + MAX_UPLOAD_BYTES)));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors.size() == 1 ? "Field '" + errors.get(0).field() + "' "
                    + errors.get(0).message() + "." : "Fix the fields fileName and size.", errors);
        }
        return fileName;
    }

    private RosterImport existing(String organizationId, String importId) {
        Optional<RosterImport> found = IMPORT_ID.matcher(importId).matches()
                ? imports.find(organizationId, importId) : Optional.empty();
        return found.orElseThrow(() -> new NotFound("Organisation " + organizationId
                + " has no roster import " + importId + "."));
    }

    private void requireOrganization(String organizationId) {
        if (profiles.find(organizationId).isEmpty()) {
            throw new NotFound("There is no organisation " + organizationId + ".");
        }
    }

    private static TooLarge tooLargeForRequest(String organizationId, String why) {
        return new TooLarge(why + " Use the upload flow instead: POST /orgs/" + organizationId
                + "/roster-imports with Content-Type: application/json and {\"fileName\", \"size\"}, PUT the file "
                + "to the upload URL returned, then POST /orgs/" + organizationId
                + "/roster-imports/{importId}/start (up to " + MAX_UPLOAD_ROWS + " rows).");
    }

    private static String newImportId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "imp-" + HexFormat.of().formatHex(random);
    }
}
