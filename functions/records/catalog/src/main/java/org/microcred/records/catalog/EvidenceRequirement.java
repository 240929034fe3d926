package org.microcred.records.catalog;

import java.util.List;

/**
 * One piece of evidence the educator must submit, and what forms it may take.
 * {@code mediaTypes} and {@code maxSizeBytes} only apply to files.
 */
public record EvidenceRequirement(String id, String title, String prompt, List<EvidenceKind> kinds,
                                  List<String> mediaTypes, Long maxSizeBytes, Boolean required) {
    public EvidenceRequirement {
        kinds = Lists.copy(kinds);
        mediaTypes = Lists.copy(mediaTypes);
        required = required == null ? Boolean.TRUE : required;
    }

    public boolean acceptsFiles() {
        return kinds.contains(EvidenceKind.FILE);
    }
}
