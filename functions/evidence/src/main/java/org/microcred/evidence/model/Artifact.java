package org.microcred.evidence.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One piece of evidence in one attempt of an enrolment. A file counts only once confirmed:
 * after the function checked the stored object against what was declared and sealed it.
 *
 * @param objectKey      where the learner's upload goes; built from ids only, never from the file name
 * @param uploadId       the multipart upload a large file is sent through, until it completes
 * @param sealedKey      where the checked bytes are kept once confirmed: the only key a file is
 *                       ever downloaded from (none for text, links, and files not yet confirmed)
 * @param fileName       the learner's original file name, kept as data only
 * @param upload         only in the answer to a declaration
 */
public record Artifact(String id, String enrollmentId, int attempt, String requirementId, ArtifactKind kind,
                       String status, String fileName, String mediaType, Long sizeBytes, String sha256,
                       Boolean checksumVerified, String text, String url, String createdAt, String confirmedAt,
                       @JsonIgnore String objectKey, @JsonIgnore String uploadId, @JsonIgnore String sealedKey,
                       Upload upload) {
    public static final String DECLARED = "declared";
    public static final String CONFIRMED = "confirmed";

    @JsonIgnore
    public boolean isConfirmed() {
        return CONFIRMED.equals(status);
    }

    /** Whether there are checked bytes to download: a confirmed file with its sealed copy. */
    @JsonIgnore
    public boolean isDownloadable() {
        return kind == ArtifactKind.FILE && isConfirmed() && sealedKey != null;
    }

    public Artifact confirmed(boolean verified, String now, String sealed) {
        return new Artifact(id, enrollmentId, attempt, requirementId, kind, CONFIRMED, fileName, mediaType, sizeBytes,
                sha256, kind == ArtifactKind.FILE ? verified : null, text, url, createdAt, now, objectKey, null,
                sealed, null);
    }

    public Artifact withUpload(Upload presigned) {
        return new Artifact(id, enrollmentId, attempt, requirementId, kind, status, fileName, mediaType, sizeBytes,
                sha256, checksumVerified, text, url, createdAt, confirmedAt, objectKey, uploadId, sealedKey, presigned);
    }
}
