package org.microcred.records.organizations;

import java.util.List;

/**
 * Which coaches may coach one micro-credential of an organisation. When a pool exists,
 * enrolment chooses among exactly these coaches (least loaded, under capacity).
 */
public record CoachPool(String organizationId, String microCredentialId, List<CoachSeat> seats, long revision,
                        String updatedAt) {
    public CoachPool {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }
}
