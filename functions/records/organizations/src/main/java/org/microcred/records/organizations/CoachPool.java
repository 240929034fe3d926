package org.microcred.records.organizations;

import java.util.List;
import java.util.Optional;

/**
 * Which coaches may coach one micro-credential of an organisation. When a pool exists,
 * enrolment chooses among exactly these coaches (least loaded, under capacity).
 */
public record CoachPool(String organizationId, String microCredentialId, List<CoachSeat> seats, long revision,
                        String updatedAt) {
    public CoachPool {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    /** The coach's seat, if they are in the pool. */
    public Optional<CoachSeat> seatOf(String userId) {
        return seats.stream().filter(seat -> seat.userId().equals(userId)).findFirst();
    }
}
