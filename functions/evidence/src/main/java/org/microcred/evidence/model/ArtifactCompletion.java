package org.microcred.evidence.model;

import java.util.List;

/** Body of {@code POST .../complete}: for a multipart upload, the ETag each part's PUT returned. */
public record ArtifactCompletion(List<Part> parts) {
    public ArtifactCompletion {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static ArtifactCompletion none() {
        return new ArtifactCompletion(List.of());
    }

    public record Part(Integer partNumber, String etag) {
    }
}
