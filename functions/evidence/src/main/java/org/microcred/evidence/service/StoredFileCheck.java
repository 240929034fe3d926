package org.microcred.evidence.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.microcred.evidence.model.ArtifactCompletion;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.evidence.EvidenceFiles;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Compares what the bucket holds with what the learner declared. Size and type always; the
 * SHA-256 by reading the object back up to the checksum threshold. Above it the signed lengths
 * of the parts and the type are what vouch for the file, and the artifact says so
 * ({@code checksumVerified: false}), because S3Proxy cannot enforce signed checksums. The answer
 * names the exact object checked, so that object and no other is sealed.
 */
final class StoredFileCheck {
    private final EvidenceFiles files;
    private final UploadLimits limits;

    StoredFileCheck(EvidenceFiles files, UploadLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** The object the checks were made on (by ETag and version), and whether its SHA-256 was among them. */
    record Checked(EvidenceFiles.StoredObject object, boolean checksumVerified) {
    }

    /** @throws DomainException 4xx when the file is missing or differs from the declaration */
    Checked verify(Artifact artifact, ArtifactCompletion completion) {
        if (artifact.uploadId() != null) {
            joinParts(artifact, completion);
        }
        EvidenceFiles.StoredObject stored = files.head(artifact.objectKey()).orElseThrow(StoredFileCheck::notUploaded);
        List<FieldError> differences = differences(artifact, stored);
        boolean verified = false;
        if (differences.isEmpty() && artifact.sizeBytes() <= limits.checksumThresholdBytes()) {
            // The bytes read may be newer than the HEAD: the object they came with is the one to seal.
            EvidenceFiles.ReadBack read = files.readBack(artifact.objectKey()).orElseThrow(StoredFileCheck::notUploaded);
            stored = read.object();
            differences = differences(artifact, stored);
            if (differences.isEmpty() && !read.sha256().equals(artifact.sha256())) {
                differences.add(new FieldError("sha256", "stored " + read.sha256() + ", declared " + artifact.sha256()));
            }
            verified = true;
        }
        if (!differences.isEmpty()) {
            throw new RuleBroken("upload-mismatch", "The uploaded file is not the declared one",
                    "The stored file differs from the declaration (" + differences.stream().map(FieldError::field)
                            .toList() + "); remove this artifact and declare the file again.", differences);
        }
        return new Checked(stored, verified);
    }

    private static List<FieldError> differences(Artifact artifact, EvidenceFiles.StoredObject stored) {
        List<FieldError> differences = new ArrayList<>();
        if (stored.sizeBytes() != artifact.sizeBytes()) {
            differences.add(new FieldError("sizeBytes", "stored " + stored.sizeBytes() + ", declared " + artifact.sizeBytes()));
        }
        String storedType = stored.contentType() == null ? "" : stored.contentType().toLowerCase(Locale.ROOT);
        if (!storedType.equals(artifact.mediaType())) {
            differences.add(new FieldError("mediaType", "stored " + storedType + ", declared " + artifact.mediaType()));
        }
        return differences;
    }

    private static Conflict notUploaded() {
        return new Conflict("not-uploaded", "Nothing uploaded yet", "No file has been uploaded for this "
                + "artifact yet; upload it with the URL from the declaration, then confirm again.", List.of());
    }

    private void joinParts(Artifact artifact, ArtifactCompletion completion) {
        List<ArtifactCompletion.Part> parts = completion.parts();
        List<FieldError> errors = new ArrayList<>();
        if (parts.isEmpty()) {
            errors.add(new FieldError("parts", "is required for a multipart upload: each part's number and ETag"));
        }
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            if (part == null || part.partNumber() == null || part.partNumber() < 1 || part.partNumber() > 10_000) {
                errors.add(new FieldError("parts[" + i + "].partNumber", "must be between 1 and 10000"));
            }
            if (part == null || part.etag() == null || part.etag().isBlank() || part.etag().length() > 200) {
                errors.add(new FieldError("parts[" + i + "].etag", "is required: the ETag the part's PUT returned"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid("The completion has " + errors.size() + " invalid field(s); see errors.", errors);
        }
        List<CompletedPart> completed = parts.stream().sorted(Comparator.comparing(ArtifactCompletion.Part::partNumber))
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build()).toList();
        if (files.head(artifact.objectKey()).isEmpty()
                && !files.completeMultipart(artifact.objectKey(), artifact.uploadId(), completed)) {
            throw new Conflict("not-uploaded", "Upload incomplete", "The storage could not join the parts "
                    + "(a part is missing or an ETag is wrong); upload every part, then confirm again.", List.of());
        }
    }
}
