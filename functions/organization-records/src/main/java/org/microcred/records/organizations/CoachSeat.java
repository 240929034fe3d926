package org.microcred.records.organizations;

/**
 * A coach's place in one micro-credential's pool.
 *
 * @param capacity at most this many open enrolments of the micro-credential; null = no limit
 */
public record CoachSeat(String userId, Integer capacity) {
}
