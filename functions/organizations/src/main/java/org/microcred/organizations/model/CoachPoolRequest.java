package org.microcred.organizations.model;

import java.util.List;

/** The body of {@code PUT /orgs/{orgId}/microcredentials/{id}/coaches}: the whole pool. */
public record CoachPoolRequest(List<Seat> coaches) {

    /** A coach of the pool; {@code capacity} caps their open enrolments of this micro-credential. */
    public record Seat(String userId, Integer capacity) {
    }
}
