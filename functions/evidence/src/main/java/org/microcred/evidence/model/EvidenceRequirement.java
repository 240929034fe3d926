package org.microcred.evidence.model;

import java.util.List;
import org.microcred.records.learning.ArtifactKind;

/**
 * What the micro-credential asks the learner to show, as published in the version they enrolled
 * in (docs/catalog-format.md): the kinds of artifact it accepts and, for files, their limits.
 */
public record EvidenceRequirement(String id, String title, List<String> kinds, List<String> mediaTypes,
                                  long maxSizeBytes, boolean required) {
    public EvidenceRequirement {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
    }

    public boolean accepts(ArtifactKind kind) {
        return kinds.contains(kind.json());
    }
}
