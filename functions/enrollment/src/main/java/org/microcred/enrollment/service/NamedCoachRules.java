package org.microcred.enrollment.service;

import java.util.List;
import java.util.Optional;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.RuleBroken;

/**
 * What a coach an admin names for enrolments (the awaited coach, or another coach for a learner)
 * must be: a coach of the organisation, active, none of the learners (nobody coaches their own
 * enrolment) and, when the micro-credential has a pool, in it with room under their seat's
 * capacity. Each refusal is a 422 on {@code coachId} that says what to do instead. A coach
 * still calibrating may be named: that is the admin's deliberate override of the automatic choice.
 */
final class NamedCoachRules {
    private NamedCoachRules() {
    }

    /**
     * @param enrollments every enrolment the coach would take now, the one the admin named first
     * @return the coach, who may take them
     */
    static Coach require(Optional<Coach> found, String coachId, Optional<CoachPool> pool,
                         List<Enrollment> enrollments) {
        Enrollment named = enrollments.get(0);
        Coach coach = found.orElseThrow(() -> refuse("not-a-coach", "Not a coach of this organisation",
                coachId + " is not a coach of " + named.organizationName() + ".",
                "is not a coach of " + named.organizationName()));
        if (enrollments.stream().anyMatch(enrollment -> enrollment.isLearner(coachId))) {
            throw refuse("coach-is-learner", "Coach is the learner", coach.name() + (enrollments.size() == 1
                    ? " is the learner of this enrolment" : " is one of the learners of this PLC, who share one coach")
                    + ", and nobody may coach their own enrolment. Choose another coach.",
                    named.isLearner(coachId) ? "is the learner of this enrolment" : "is a learner of this PLC");
        }
        if (!coach.active()) {
            throw refuse("coach-inactive", "Coach no longer active", coach.name() + " is no longer an active coach of "
                    + named.organizationName() + " (deactivated, or the coach role was taken away). Choose another "
                    + "coach, or give them the coach role again first.", "is not an active coach");
        }
        if (pool.isPresent()) {
            CoachSeat seat = pool.get().seatOf(coachId).orElseThrow(() -> refuse("coach-not-in-pool",
                    "Coach not in the pool", coach.name() + " is not in the coach pool of \""
                            + named.microCredentialTitle() + "\". Choose one of its coaches, or add them to the pool "
                            + "first.", "is not in the coach pool of " + named.microCredentialId()));
            long open = coach.openFor(named.microCredentialId());
            if (seat.room(open) < enrollments.size()) {
                throw atCapacity(coach, seat, open, enrollments);
            }
        }
        return coach;
    }

    /** The capacity of the coach's seat in the pool; null when there is no pool or no limit. */
    static Integer capacityOf(Optional<CoachPool> pool, String coachId) {
        return pool.flatMap(p -> p.seatOf(coachId)).map(CoachSeat::capacity).orElse(null);
    }

    private static RuleBroken atCapacity(Coach coach, CoachSeat seat, long open, List<Enrollment> enrollments) {
        String title = "\"" + enrollments.get(0).microCredentialTitle() + "\"";
        long room = seat.room(open);
        String detail = enrollments.size() == 1
                ? coach.name() + " already coaches " + count(open, "open enrolment") + " of " + title + ", and their "
                        + "seat in its pool has a capacity of " + seat.capacity() + "."
                : coach.name() + " has room for " + count(room, "more learner") + " of " + title + " (capacity "
                        + seat.capacity() + ", " + open + " open now), and the " + enrollments.size() + " learners "
                        + "of this PLC waiting for a coach share one.";
        return refuse("coach-at-capacity", "Coach at capacity", detail + " Choose another coach, or raise their "
                + "capacity in the pool first.", "is at capacity (" + open + " of " + seat.capacity() + ")");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static RuleBroken refuse(String type, String title, String detail, String fieldMessage) {
        return new RuleBroken(type, title, detail, List.of(new FieldError("coachId", fieldMessage)));
    }
}
