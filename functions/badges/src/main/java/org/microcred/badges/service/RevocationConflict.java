package org.microcred.badges.service;

import java.util.Map;
import org.microcred.records.badges.Revocation;
import org.microcred.shared.domain.Conflict;

/** A revoke of a badge that is already revoked: a conflict that carries the revocation on record. */
public class RevocationConflict extends Conflict {
    private final transient Revocation recorded;

    public RevocationConflict(Revocation recorded) {
        super("already-revoked", "Already revoked",
                "The badge " + recorded.badgeId() + " was already revoked on " + recorded.revokedAt() + ".");
        this.recorded = recorded;
    }

    public Revocation recorded() {
        return recorded;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("revocation", recorded);
    }
}
