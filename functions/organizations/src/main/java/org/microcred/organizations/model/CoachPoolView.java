package org.microcred.organizations.model;

import java.util.List;

/**
 * A micro-credential's coach pool with each coach's current load: {@code openEnrollments} in
 * all, {@code openForMicroCredential} of this one (what the capacity is checked against).
 */
public record CoachPoolView(String organizationId, String microCredentialId, long revision, String updatedAt,
                            List<Seat> coaches) {

    public record Seat(String userId, String name, String email, Integer capacity, long openEnrollments,
                       long openForMicroCredential, boolean active, boolean acceptingLearners) {
    }
}
