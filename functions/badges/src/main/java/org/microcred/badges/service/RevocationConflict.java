package org.microcred.badges.service;

import org.microcred.records.badges.Revocation;

/** A revoke of a badge that is already revoked: answered 409 with the revocation on record. */
public class RevocationConflict extends RuntimeException {
    private final Revocation recorded;

    public RevocationConflict(Revocation recorded) {
        super("The badge " + recorded.badgeId() + " was already revoked on " + recorded.revokedAt() + ".");
        this.recorded = recorded;
    }

    public Revocation recorded() {
        return recorded;
    }
}
