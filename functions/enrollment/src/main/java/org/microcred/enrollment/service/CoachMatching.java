package org.microcred.enrollment.service;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.microcred.enrollment.model.Offering;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachCandidates;
import org.microcred.records.organizations.CoachPool;

/**
 * Picks the coach for new enrolments, the one with the fewest open enrolments among those who
 * may take them (ties go to the lowest user id, so the choice is repeatable). When the
 * micro-credential has a pool, only its coaches may, and only while their open enrolments of it
 * leave room under their seat's capacity for every learner enrolling together; without a pool,
 * coaches qualified for the micro-credential or its collection may. Either way a deactivated
 * coach, an assessor still calibrating for the micro-credential and any of the learners
 * themselves (nobody coaches their own enrolment) are passed over.
 */
public final class CoachMatching {
    private static final Comparator<Coach> LEAST_LOADED = Comparator.comparingLong(Coach::openEnrollments)
            .thenComparing(Coach::userId);

    private CoachMatching() {
    }

    /**
     * @param learnerIds everyone this coach would get now: the enrolling learner and their PLC
     */
    public static Optional<Coach> choose(CoachCandidates candidates, Offering offering, Set<String> learnerIds) {
        String microCredentialId = offering.microCredentialId();
        return candidates.coaches().stream()
                .filter(Coach::active)
                .filter(coach -> !coach.isCalibratingFor(microCredentialId))
                .filter(coach -> !learnerIds.contains(coach.userId()))
                .filter(coach -> candidates.pool()
                        .map(pool -> hasRoom(pool, coach, learnerIds.size()))
                        .orElseGet(() -> isQualifiedFor(coach, offering)))
                .min(LEAST_LOADED);
    }

    /** The old rule, for organisations that set no pool: qualified by id or by collection. */
    static boolean isQualifiedFor(Coach coach, Offering offering) {
        return coach.microCredentialIds().contains(offering.microCredentialId())
                || (offering.collection() != null && coach.collections().contains(offering.collection()));
    }

    private static boolean hasRoom(CoachPool pool, Coach coach, int learners) {
        return pool.seatOf(coach.userId())
                .map(seat -> seat.room(coach.openFor(pool.microCredentialId())) >= learners)
                .orElse(false);
    }
}
