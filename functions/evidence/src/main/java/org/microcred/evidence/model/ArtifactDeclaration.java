package org.microcred.evidence.model;

import org.microcred.records.learning.ArtifactKind;

/**
 * Body of {@code POST /enrollments/{id}/artifacts}: one artifact for one evidence requirement.
 * A file names itself (name, media type, size, SHA-256) before any byte is sent.
 *
 * @param replaces optional: a draft artifact removed in the same write that adds this one
 */
public record ArtifactDeclaration(String requirementId, ArtifactKind kind, String fileName, String mediaType,
                                  Long sizeBytes, String sha256, String text, String url, String replaces) {
}
