package org.microcred.evidence.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.evidence.model.Upload;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.evidence.EvidenceFiles;

/** Presigned upload instructions for a declared file: one PUT, or one PUT per part above the threshold. */
final class Uploads {
    private final EvidenceFiles files;
    private final UploadLimits limits;
    private final Clock clock;

    Uploads(EvidenceFiles files, UploadLimits limits, Clock clock) {
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    Upload presign(Artifact artifact) {
        if (artifact.uploadId() == null) {
            String expiresAt = Evidence.TIMESTAMP.format(clock.instant().plus(limits.uploadExpiry()));
            String url = files.presignPut(artifact.objectKey(), artifact.mediaType(), artifact.sizeBytes(),
                    limits.uploadExpiry());
            return new Upload("PUT", url, Map.of("Content-Type", artifact.mediaType()), expiresAt, null, null);
        }
        String expiresAt = Evidence.TIMESTAMP.format(clock.instant().plus(limits.partUploadExpiry()));
        long partSize = limits.partSizeBytes();
        List<Upload.Part> parts = new ArrayList<>();
        long remaining = artifact.sizeBytes();
        for (int number = 1; remaining > 0; number++) {
            long size = Math.min(partSize, remaining);
            parts.add(new Upload.Part(number, files.presignPart(artifact.objectKey(), artifact.uploadId(), number, size,
                    limits.partUploadExpiry()), size));
            remaining -= size;
        }
        return new Upload("PUT", null, Map.of(), expiresAt, partSize, parts);
    }
}
