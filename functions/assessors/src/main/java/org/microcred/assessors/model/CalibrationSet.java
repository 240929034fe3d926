package org.microcred.assessors.model;

import java.util.List;
import java.util.Optional;

/** The reference submissions of one micro-credential in one organisation; replaced as a whole. */
public record CalibrationSet(String organizationId, String microCredentialId, int revision, String updatedAt,
                             String updatedBy, List<CalibrationItem> items) {
    public CalibrationSet {
        items = List.copyOf(items);
    }

    public Optional<CalibrationItem> item(String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    /** The items an assessor scores: never their own submission. */
    public List<CalibrationItem> itemsFor(String assessorId) {
        return items.stream().filter(item -> !item.learnerId().equals(assessorId)).toList();
    }
}
