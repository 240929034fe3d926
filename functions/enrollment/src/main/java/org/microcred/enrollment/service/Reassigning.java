package org.microcred.enrollment.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;
import org.microcred.records.learning.Person;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachPool;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.RuleBroken;

/**
 * An admin moves one learner (and a waiting review with them) to another coach: one of the
 * micro-credential's pool with room under their capacity when it has a pool (see
 * {@link NamedCoachRules}), otherwise a coach qualified for it. One transaction: the enrolment's coach (conditional on
 * the version read), both coaches' loads, and emails to the learner and both coaches. The old
 * coach's review link stops working because the review page accepts only the enrolment's
 * current coach.
 */
public class Reassigning {
    static final Set<EnrollmentStatus> MOVABLE = EnumSet.of(EnrollmentStatus.IN_PROGRESS, EnrollmentStatus.SUBMITTED,
            EnrollmentStatus.NEEDS_REVISION);

    private final Offerings offerings;
    private final Organizations organizations;
    private final LearningStore learning;
    private final EnrollmentEmails emails;
    private final WaitingReviewLinks reviewLinks;
    private final Clock clock;

    public Reassigning(Offerings offerings, Organizations organizations, LearningStore learning,
                       EnrollmentEmails emails, WaitingReviewLinks reviewLinks, Clock clock) {
        this.offerings = offerings;
        this.organizations = organizations;
        this.learning = learning;
        this.emails = emails;
        this.reviewLinks = reviewLinks;
        this.clock = clock;
    }

    /** The enrolment with its new coach; unchanged if {@code coachId} already coaches it. */
    public Enrollment reassign(Enrollment current, String coachId) {
        if (!MOVABLE.contains(current.status())) {
            throw new Conflict("invalid-transition", "Not possible in this status", "This enrolment is "
                    + current.status().json() + "; only an enrolment that is in progress, submitted (a waiting "
                    + "review) or needs revision can move to another coach.");
        }
        if (current.isCoachedBy(coachId)) {
            return current;
        }
        Optional<CoachPool> pool = organizations.pool(current.organizationId(), current.microCredentialId());
        Coach coach = NamedCoachRules.require(organizations.coach(current.organizationId(), coachId), coachId, pool,
                List.of(current));
        // With a pool, its seats are the qualifications; without one, the coach entry's lists are.
        if (pool.isEmpty() && !qualified(coach, current)) {
            throw new RuleBroken("coach-not-qualified", "Coach not qualified", coach.name()
                    + " is not qualified to coach \"" + current.microCredentialTitle() + "\". Choose a coach whose "
                    + "qualifications include it, or add it to theirs first.",
                    List.of(new FieldError("coachId", "is not qualified for " + current.microCredentialId())));
        }
        Person previous = current.coach();
        Enrollment next = current.withReassignedCoach(Person.of(coach), Timestamps.now(clock));
        LearningWrite write = learning.newWrite().replace(current, next);
        if (organizations.coach(current.organizationId(), previous.id()).isPresent()) {
            write.coachLoad(current.organizationId(), previous.id(), current.microCredentialId(), -1);
        }
        write.coachTakes(current.organizationId(), coach.userId(), current.microCredentialId(), 1,
                NamedCoachRules.capacityOf(pool, coach.userId()));
        if (next.learner().email() != null) {
            write.email(emails.reassignedToLearner(next, previous));
        }
        if (previous.email() != null) {
            write.email(emails.reassignedFromCoach(next, previous));
        }
        if (coach.email() != null) {
            String reviewUrl = next.status() == EnrollmentStatus.SUBMITTED
                    ? reviewLinks.urlFor(next, clock.instant()) : null;
            write.email(emails.reassignedToCoach(next, previous, reviewUrl));
        }
        try {
            learning.commit(write);
        } catch (ConcurrentChangeException e) {
            throw new Conflict("Enrolment " + current.id() + " was changed by another request at the same "
                    + "time (perhaps another reassignment or a submission); reload it and try again.");
        }
        return next;
    }

    /** Qualified by the micro-credential itself or by the collection it belongs to now. */
    private boolean qualified(Coach coach, Enrollment enrollment) {
        if (coach.microCredentialIds().contains(enrollment.microCredentialId())) {
            return true;
        }
        return offerings.find(enrollment.microCredentialId())
                .map(offering -> CoachMatching.isQualifiedFor(coach, offering)).orElse(false);
    }
}
