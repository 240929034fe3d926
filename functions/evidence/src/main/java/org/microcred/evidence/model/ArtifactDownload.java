package org.microcred.evidence.model;

/** A short-lived presigned GET for one confirmed file, downloaded as an attachment. */
public record ArtifactDownload(String url, String expiresAt, String fileName) {
}
