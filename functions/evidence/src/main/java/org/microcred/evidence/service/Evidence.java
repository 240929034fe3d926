package org.microcred.evidence.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.microcred.evidence.model.ArtifactCompletion;
import org.microcred.evidence.model.ArtifactDeclaration;
import org.microcred.evidence.model.ArtifactDownload;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.NotFound;
import org.microcred.evidence.model.DeclaredArtifact;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.ArtifactStatus;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.records.learning.evidence.FileNames;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.web.EvidenceMediaTypes;

/**
 * The learner's draft evidence: declare an artifact (a file gets presigned upload URLs), confirm
 * an uploaded file once the stored object matches its declaration (sealing the checked bytes),
 * remove a draft artifact; and short-lived downloads of the sealed bytes for the learner and their
 * coach, always as an attachment of a passive type.
 */
public class Evidence {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EvidenceAccess access;
    private final Requirements requirements;
    private final ArtifactStore artifacts;
    private final EvidenceFiles files;
    private final Uploads uploads;
    private final UploadLimits limits;
    private final Clock clock;

    public Evidence(LearningStore enrollments, Requirements requirements, ArtifactStore artifacts,
                    EvidenceFiles files, UploadLimits limits, Clock clock) {
        this.access = new EvidenceAccess(enrollments);
        this.requirements = requirements;
        this.artifacts = artifacts;
        this.files = files;
        this.uploads = new Uploads(files, limits, clock);
        this.limits = limits;
        this.clock = clock;
    }

    public DeclaredArtifact declare(Caller caller, String enrollmentId, ArtifactDeclaration declaration) {
        Enrollment enrollment = access.asLearner(caller, enrollmentId);
        Declarations.checkShape(declaration);
        int attempt = openAttempt(enrollment);
        Declarations.checkFit(declaration, requirements.requirements(enrollment.microCredentialId(),
                enrollment.microCredentialVersion()));
        if (artifacts.artifacts(enrollmentId, attempt).size() >= limits.maxArtifactsPerAttempt()) {
            throw new Conflict("Attempt " + attempt + " already has " + limits.maxArtifactsPerAttempt()
                    + " artifacts; remove one before adding another.");
        }
        Artifact replaced = null;
        if (declaration.replaces() != null) {
            replaced = find(enrollmentId, declaration.replaces());
            requireOpen(enrollment, replaced);
        }
        String id = ArtifactIds.newArtifactId();
        String now = now();
        ArtifactDeclaration d = declaration;
        if (d.kind() != ArtifactKind.FILE) {
            Artifact artifact = Artifact.builder().id(id).enrollmentId(enrollmentId).attempt(attempt)
                    .requirementId(d.requirementId()).kind(d.kind()).status(ArtifactStatus.CONFIRMED)
                    .text(d.text()).url(d.url()).createdAt(now).confirmedAt(now).build();
            add(artifact, replaced);
            return new DeclaredArtifact(artifact, null);
        }
        // A single PUT goes to an upload key and is copied to the sealed key once checked; a multipart
        // upload goes to the sealed key itself, where only this function's completion creates the object.
        boolean multipart = d.sizeBytes() > limits.multipartThresholdBytes();
        String key = multipart ? ArtifactIds.sealedKey(enrollment.organizationId(), enrollmentId, attempt, id)
                : ArtifactIds.objectKey(enrollment.organizationId(), enrollmentId, attempt, id);
        String mediaType = d.mediaType().toLowerCase(Locale.ROOT);
        String uploadId = multipart ? files.startMultipart(key, mediaType) : null;
        Artifact artifact = Artifact.builder().id(id).enrollmentId(enrollmentId).attempt(attempt)
                .requirementId(d.requirementId()).kind(d.kind()).status(ArtifactStatus.DECLARED)
                .fileName(d.fileName()).mediaType(mediaType).sizeBytes(d.sizeBytes())
                .sha256(d.sha256().toLowerCase(Locale.ROOT)).createdAt(now).objectKey(key).uploadId(uploadId).build();
        try {
            add(artifact, replaced);
        } catch (DomainException e) {
            if (uploadId != null) {
                files.abortMultipart(key, uploadId);
            }
            throw e;
        }
        return new DeclaredArtifact(artifact, uploads.presign(artifact));
    }

    /**
     * Checks the stored file against the declaration and seals exactly the object checked: a copy
     * under {@code sealed/}, made only if the upload is still that object, is what every download
     * serves from then on. Re-uploading with the PUT URL afterwards changes nothing anyone sees.
     */
    public Artifact complete(Caller caller, String enrollmentId, String artifactId, ArtifactCompletion completion) {
        Enrollment enrollment = access.asLearner(caller, enrollmentId);
        Artifact artifact = find(enrollmentId, artifactId);
        if (artifact.isConfirmed()) {
            return artifact;
        }
        requireOpen(enrollment, artifact);
        StoredFileCheck.Checked checked = new StoredFileCheck(files, limits).verify(artifact, completion);
        String sealedKey = ArtifactIds.sealedKey(enrollment.organizationId(), enrollmentId, artifact.attempt(),
                artifact.id());
        if (!artifact.objectKey().equals(sealedKey)
                && !files.seal(artifact.objectKey(), checked.object(), sealedKey, artifact.mediaType())) {
            return confirmedMeanwhile(enrollmentId, artifactId).orElseThrow(() -> new Conflict("upload-changed", "The upload changed while it was checked", "The file was uploaded again while "
                    + "it was being checked; confirm again once the upload has finished.", List.of()));
        }
        Artifact confirmed = artifact.confirmed(checked.checksumVerified(), now(), sealedKey);
        try {
            artifacts.confirm(artifact, confirmed);
        } catch (ConcurrentChangeException e) {
            return confirmedMeanwhile(enrollmentId, artifactId).orElseThrow(() -> new Conflict(
                    "The attempt was submitted or changed meanwhile; reload it."));
        }
        if (!artifact.objectKey().equals(sealedKey)) {
            files.delete(artifact.objectKey());
        }
        return confirmed;
    }

    /** A parallel confirmation of the same artifact that won. */
    private Optional<Artifact> confirmedMeanwhile(String enrollmentId, String artifactId) {
        return artifacts.find(enrollmentId, artifactId).filter(Artifact::isConfirmed);
    }

    public void remove(Caller caller, String enrollmentId, String artifactId) {
        Enrollment enrollment = access.asLearner(caller, enrollmentId);
        Artifact artifact = find(enrollmentId, artifactId);
        requireOpen(enrollment, artifact);
        try {
            artifacts.remove(artifact);
        } catch (ConcurrentChangeException e) {
            throw new Conflict("The attempt was submitted or changed meanwhile; reload it.");
        }
        deleteStored(artifact);
    }

    private void deleteStored(Artifact artifact) {
        if (artifact.objectKey() != null) {
            if (artifact.uploadId() != null) {
                files.abortMultipart(artifact.objectKey(), artifact.uploadId());
            }
            files.delete(artifact.objectKey());
        }
        if (artifact.sealedKey() != null && !artifact.sealedKey().equals(artifact.objectKey())) {
            files.delete(artifact.sealedKey());
        }
    }

    public ArtifactDownload download(Caller caller, String enrollmentId, String artifactId) {
        access.asLearnerOrCoach(caller, enrollmentId);
        Artifact artifact = find(enrollmentId, artifactId);
        if (artifact.kind() != ArtifactKind.FILE) {
            throw new Conflict("This artifact is a " + artifact.kind().json() + ", not a file; it is part of the "
                    + "artifact itself.");
        }
        if (!artifact.isConfirmed()) {
            throw new Conflict("This file has not been confirmed yet, so there is nothing to download.");
        }
        if (!artifact.isDownloadable()) {
            throw new Conflict("not-sealed", "No checked copy", "This file was confirmed before confirmed "
                    + "files were sealed, so the bytes that were checked cannot be told apart from a later upload; "
                    + "it is not served. Upload it again in a new attempt.", List.of());
        }
        String url = files.presignGet(artifact.sealedKey(), FileNames.contentDisposition(artifact.fileName()),
                EvidenceMediaTypes.servedAs(artifact.mediaType()), limits.downloadExpiry());
        return new ArtifactDownload(url, TIMESTAMP.format(clock.instant().plus(limits.downloadExpiry())),
                FileNames.downloadName(artifact.fileName()));
    }

    private void add(Artifact artifact, Artifact replaced) {
        try {
            artifacts.add(artifact, replaced);
        } catch (ConcurrentChangeException e) {
            throw new Conflict("The enrolment or the replaced artifact changed meanwhile (was the attempt just "
                    + "submitted?); reload it.");
        }
        if (replaced != null) {
            deleteStored(replaced);
        }
    }

    private Artifact find(String enrollmentId, String artifactId) {
        if (!ArtifactIds.isArtifactId(artifactId)) {
            throw new NotFound("There is no artifact " + artifactId + " in this enrolment.");
        }
        return artifacts.find(enrollmentId, artifactId)
                .orElseThrow(() -> new NotFound("There is no artifact " + artifactId + " in this enrolment."));
    }

    /** The attempt evidence goes into: the one after the last submitted, while the enrolment takes evidence. */
    static int openAttempt(Enrollment enrollment) {
        if (enrollment.status() != EnrollmentStatus.IN_PROGRESS && enrollment.status() != EnrollmentStatus.NEEDS_REVISION) {
            throw new Conflict("invalid-transition", "Not possible in this status", "This enrolment is "
                    + enrollment.status().json() + "; evidence can be changed only while it is in-progress or "
                    + "needs-revision.", List.of());
        }
        return enrollment.attempts() + 1;
    }

    private static void requireOpen(Enrollment enrollment, Artifact artifact) {
        if (artifact.attempt() != openAttempt(enrollment)) {
            throw new Conflict("attempt-submitted", "Attempt already submitted", "Attempt " + artifact.attempt()
                    + " was submitted and cannot change; add evidence to attempt " + openAttempt(enrollment) + ".",
                    List.of());
        }
    }

    private String now() {
        return TIMESTAMP.format(clock.instant());
    }
}
