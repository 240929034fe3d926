package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One piece of evidence in one attempt of an enrolment. A file counts only once confirmed:
 * after the function checked the stored object against what was declared and sealed it.
 * Built through {@link #builder()} (or {@link #toBuilder()}), which names every field it sets.
 *
 * @param fileName         a file's original name as the learner gave it, kept as data only
 * @param checksumVerified a confirmed file's: whether its SHA-256 was checked (null for text and links)
 * @param objectKey        where the learner's upload goes; built from ids only, never from the file name
 * @param uploadId         the multipart upload a large file is sent through, until it completes
 * @param sealedKey        where the checked bytes are kept once confirmed: the only key a file is
 *                         ever downloaded from (none for text, links, and files not yet confirmed)
 */
public record Artifact(String id, String enrollmentId, int attempt, String requirementId, ArtifactKind kind,
                       ArtifactStatus status, String fileName, String mediaType, Long sizeBytes, String sha256,
                       Boolean checksumVerified, String text, String url, String createdAt, String confirmedAt,
                       @JsonIgnore String objectKey, @JsonIgnore String uploadId, @JsonIgnore String sealedKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).enrollmentId(enrollmentId).attempt(attempt).requirementId(requirementId)
                .kind(kind).status(status).fileName(fileName).mediaType(mediaType).sizeBytes(sizeBytes).sha256(sha256)
                .checksumVerified(checksumVerified).text(text).url(url).createdAt(createdAt).confirmedAt(confirmedAt)
                .objectKey(objectKey).uploadId(uploadId).sealedKey(sealedKey);
    }

    @JsonIgnore
    public boolean isConfirmed() {
        return status == ArtifactStatus.CONFIRMED;
    }

    /** Whether there are checked bytes to download: a confirmed file with its sealed copy. */
    @JsonIgnore
    public boolean isDownloadable() {
        return kind == ArtifactKind.FILE && isConfirmed() && sealedKey != null;
    }

    /** The artifact once its stored file was checked (and sealed at {@code sealed}); the upload is done. */
    public Artifact confirmed(boolean verified, String now, String sealed) {
        return toBuilder().status(ArtifactStatus.CONFIRMED).checksumVerified(kind == ArtifactKind.FILE ? verified : null)
                .confirmedAt(now).uploadId(null).sealedKey(sealed).build();
    }

    /** Names each field of an artifact as it is set; unset fields are null (attempt 0). */
    public static final class Builder {
        private String id;
        private String enrollmentId;
        private int attempt;
        private String requirementId;
        private ArtifactKind kind;
        private ArtifactStatus status;
        private String fileName;
        private String mediaType;
        private Long sizeBytes;
        private String sha256;
        private Boolean checksumVerified;
        private String text;
        private String url;
        private String createdAt;
        private String confirmedAt;
        private String objectKey;
        private String uploadId;
        private String sealedKey;

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder enrollmentId(String value) {
            enrollmentId = value;
            return this;
        }

        public Builder attempt(int value) {
            attempt = value;
            return this;
        }

        public Builder requirementId(String value) {
            requirementId = value;
            return this;
        }

        public Builder kind(ArtifactKind value) {
            kind = value;
            return this;
        }

        public Builder status(ArtifactStatus value) {
            status = value;
            return this;
        }

        public Builder fileName(String value) {
            fileName = value;
            return this;
        }

        public Builder mediaType(String value) {
            mediaType = value;
            return this;
        }

        public Builder sizeBytes(Long value) {
            sizeBytes = value;
            return this;
        }

        public Builder sha256(String value) {
            sha256 = value;
            return this;
        }

        public Builder checksumVerified(Boolean value) {
            checksumVerified = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder createdAt(String value) {
            createdAt = value;
            return this;
        }

        public Builder confirmedAt(String value) {
            confirmedAt = value;
            return this;
        }

        public Builder objectKey(String value) {
            objectKey = value;
            return this;
        }

        public Builder uploadId(String value) {
            uploadId = value;
            return this;
        }

        public Builder sealedKey(String value) {
            sealedKey = value;
            return this;
        }

        public Artifact build() {
            return new Artifact(id, enrollmentId, attempt, requirementId, kind, status, fileName, mediaType, sizeBytes,
                    sha256, checksumVerified, text, url, createdAt, confirmedAt, objectKey, uploadId, sealedKey);
        }
    }
}
