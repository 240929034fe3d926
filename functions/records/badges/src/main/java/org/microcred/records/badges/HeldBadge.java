package org.microcred.records.badges;

/** A badge as far as eligibility to assess is concerned: whose it is and whether it still stands. */
public record HeldBadge(String badgeId, String organizationId, String status) {
    public boolean isActive() {
        return Badge.ACTIVE.equals(status);
    }
}
