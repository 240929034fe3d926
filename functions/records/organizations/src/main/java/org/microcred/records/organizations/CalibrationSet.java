package org.microcred.records.organizations;

import java.util.List;
import java.util.Optional;

/** The reference submissions of one micro-credential in one organisation; replaced as a whole. */
public record CalibrationSet(String organizationId, String microCredentialId, int revision, String updatedAt,
                             String updatedBy, List<CalibrationItem> items) {
    /** The fewest items a set has, and the fewest an assessor is evaluated on once their own work is left out. */
    public static final int MIN_ITEMS = 3;

    public CalibrationSet {
        items = List.copyOf(items);
    }

    public Optional<CalibrationItem> item(String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    /** The items an assessor scores: never their own work (their submission or their reference decision). */
    public List<CalibrationItem> itemsFor(String assessorId) {
        return items.stream().filter(item -> !item.isOwnWorkOf(assessorId)).toList();
    }

    /** Whether enough items are left to the assessor to evaluate them on. */
    public boolean hasEnoughFor(String assessorId) {
        return itemsFor(assessorId).size() >= MIN_ITEMS;
    }
}
