package org.microcred.records.organizations;

import java.util.List;
import java.util.Optional;

/**
 * What choosing a coach for one micro-credential reads: its pool, if the organisation set one,
 * and the coach entries (with loads) to choose from: the pool's coaches when there is a pool,
 * every coach of the organisation otherwise.
 */
public record CoachCandidates(Optional<CoachPool> pool, List<Coach> coaches) {
    public CoachCandidates {
        coaches = coaches == null ? List.of() : List.copyOf(coaches);
    }

    /** The coach's seat in the pool; empty when there is no pool or they are not in it. */
    public Optional<CoachSeat> seatOf(String userId) {
        return pool.flatMap(p -> p.seatOf(userId));
    }
}
