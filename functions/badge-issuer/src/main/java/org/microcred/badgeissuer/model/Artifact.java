package org.microcred.badgeissuer.model;

/**
 * One piece of evidence of the mastered attempt. Only its name reaches the credential: file
 * contents and written text stay private.
 *
 * @param kind {@code file}, {@code text} or {@code link}
 */
public record Artifact(String artifactId, String requirementId, String kind, String fileName, String url) {
}
