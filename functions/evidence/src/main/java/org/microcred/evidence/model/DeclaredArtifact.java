package org.microcred.evidence.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.microcred.records.learning.Artifact;

/**
 * The answer to a declaration: the artifact as declared and, for a file, how to upload it (none
 * for text and links, which are confirmed at once).
 */
public record DeclaredArtifact(@JsonUnwrapped Artifact artifact, Upload upload) {
}
