package org.microcred.enrollment.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.microcred.enrollment.model.Coach;
import org.microcred.enrollment.model.Offering;

/**
 * Picks the coach for new enrolments: among the pool's coaches qualified for the
 * micro-credential or its collection, the one with the fewest open enrolments (ties go to the
 * lowest user id, so the choice is repeatable). An assessor still calibrating for the
 * micro-credential is skipped until their agreement with the reference decisions is enough.
 */
public final class CoachMatching {
    private static final Comparator<Coach> LEAST_LOADED = Comparator.comparingLong(Coach::openEnrollments)
            .thenComparing(Coach::userId);

    private CoachMatching() {
    }

    public static Optional<Coach> choose(List<Coach> pool, Offering offering) {
        return pool.stream().filter(coach -> coach.takesLiveReviewsFor(offering)).min(LEAST_LOADED);
    }
}
