package org.microcred.records.organizations;

/**
 * A coach's place in one micro-credential's pool.
 *
 * @param capacity at most this many open enrolments of the micro-credential; null = no limit
 */
public record CoachSeat(String userId, Integer capacity) {

    /** How many more learners of the micro-credential fit, given {@code openHere} open ones now. */
    public long room(long openHere) {
        return capacity == null ? Long.MAX_VALUE : Math.max(0, capacity - openHere);
    }
}
