package org.microcred.enrollment.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.enrollment.model.AssignCoachRequest;
import org.microcred.enrollment.model.EnrollmentView;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.IllegalTransitionException;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;
import org.microcred.records.learning.Person;
import org.microcred.records.learning.PlcGroup;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachPool;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.identity.Caller;

/**
 * Changes to existing enrolments: withdrawing and an admin assigning the awaited coach. Each is
 * a move of the state machine written conditional on the version and status it was read in,
 * together with its side effects (guard, coach load, emails) in one transaction.
 */
public class EnrollmentChanges {
    private final Organizations organizations;
    private final LearningStore learning;
    private final EnrollmentEmails emails;
    private final PlcViews views;
    private final Reassigning reassigning;
    private final Clock clock;

    public EnrollmentChanges(Organizations organizations, LearningStore learning, EnrollmentEmails emails,
                             Reassigning reassigning, Clock clock) {
        this.organizations = organizations;
        this.learning = learning;
        this.emails = emails;
        this.views = new PlcViews(learning);
        this.reassigning = reassigning;
        this.clock = clock;
    }

    /**
     * Withdraws (the learner or an admin of the offering organisation). The enrolment is kept;
     * the guard goes, so the learner may enrol again; the coach's load drops. Withdrawing twice
     * returns the withdrawn enrolment.
     */
    public EnrollmentView withdraw(Caller caller, String enrollmentId) {
        Enrollment current = visible(caller, enrollmentId);
        if (!current.isLearner(caller.userId()) && !EnrollmentAccess.isAdminOf(caller, current.organizationId())) {
            throw new Forbidden("Only the learner or an administrator of " + current.organizationName()
                    + " may withdraw this enrolment.");
        }
        if (current.status() == EnrollmentStatus.WITHDRAWN) {
            return views.full(current, caller.userId());
        }
        Enrollment withdrawn = move(() -> current.movedTo(EnrollmentStatus.WITHDRAWN, Timestamps.now(clock)));
        LearningWrite write = learning.newWrite().replace(current, withdrawn).releaseGuard(current);
        if (current.coach() != null
                && organizations.coach(current.organizationId(), current.coach().id()).isPresent()) {
            write.coachLoad(current.organizationId(), current.coach().id(), current.microCredentialId(), -1);
        }
        commit(write, enrollmentId);
        return views.full(withdrawn, caller.userId());
    }

    /**
     * An admin gives an enrolment awaiting a coach a coach (see {@link NamedCoachRules}: active,
     * not one of the learners, and in the pool with room when the micro-credential has one); the
     * PLC's other members still waiting get the same coach, since a PLC shares one. An enrolment that
     * already has a coach (in progress, submitted, needs revision) moves to the new one alone:
     * see {@link Reassigning}.
     */
    public EnrollmentView assignCoach(Caller caller, String enrollmentId, AssignCoachRequest request) {
        String coachId = request.coachId() == null ? "" : request.coachId().strip();
        if (coachId.isEmpty() || coachId.length() > 128) {
            throw new Invalid("coachId", "must name a coach by user id (1 to 128 characters)");
        }
        Enrollment current = visible(caller, enrollmentId);
        if (!EnrollmentAccess.isAdminOf(caller, current.organizationId())) {
            throw new Forbidden("Only administrators of " + current.organizationName() + " may assign coaches.");
        }
        if (current.status() != EnrollmentStatus.AWAITING_COACH) {
            return views.full(reassigning.reassign(current, coachId), caller.userId());
        }
        List<Enrollment> waiting = waitingInGroup(current);
        Optional<CoachPool> pool = organizations.pool(current.organizationId(), current.microCredentialId());
        Coach coach = NamedCoachRules.require(organizations.coach(current.organizationId(), coachId), coachId, pool,
                waiting);
        String now = Timestamps.now(clock);
        List<Enrollment> assigned = new ArrayList<>();
        LearningWrite write = learning.newWrite();
        for (Enrollment each : waiting) {
            Enrollment next = move(() -> each.withCoach(Person.of(coach), now));
            assigned.add(next);
            write.replace(each, next);
            if (next.learner().email() != null) {
                write.email(emails.coachAssigned(next));
            }
        }
        write.coachTakes(current.organizationId(), coach.userId(), current.microCredentialId(), assigned.size(),
                NamedCoachRules.capacityOf(pool, coach.userId()));
        if (coach.email() != null) {
            write.email(emails.coachNewLearners(assigned.get(0), coach, assigned));
        }
        commit(write, enrollmentId);
        return views.full(assigned.get(0), caller.userId());
    }

    /** The enrolment first, then its PLC's other members that are also awaiting a coach. */
    private List<Enrollment> waitingInGroup(Enrollment current) {
        List<Enrollment> waiting = new ArrayList<>(List.of(current));
        if (current.plcGroupId() == null) {
            return waiting;
        }
        PlcGroup group = learning.group(current.plcGroupId()).orElse(null);
        if (group == null) {
            return waiting;
        }
        List<String> others = group.members().stream().map(PlcGroup.Member::enrollmentId)
                .filter(id -> !id.equals(current.id())).toList();
        Map<String, Enrollment> members = others.isEmpty() ? Map.of() : learning.findAll(others);
        others.stream().map(members::get)
                .filter(member -> member != null && member.status() == EnrollmentStatus.AWAITING_COACH)
                .forEach(waiting::add);
        return waiting;
    }

    private Enrollment visible(Caller caller, String enrollmentId) {
        EnrollmentAccess.requireSignedIn(caller);
        Enrollment enrollment = (EnrollmentIds.isEnrollmentId(enrollmentId) ? learning.find(enrollmentId)
                : Optional.<Enrollment>empty())
                .orElseThrow(() -> EnrollmentAccess.notFound(enrollmentId));
        if (!EnrollmentAccess.seesFully(caller, enrollment)) {
            throw EnrollmentAccess.notFound(enrollmentId);
        }
        return enrollment;
    }

    private static Enrollment move(java.util.function.Supplier<Enrollment> transition) {
        try {
            return transition.get();
        } catch (IllegalTransitionException e) {
            throw invalidTransition("This enrolment is " + e.from().json() + " and cannot become " + e.to().json() + ".");
        }
    }

    private static Conflict invalidTransition(String detail) {
        return new Conflict("invalid-transition", "Not possible in this status", detail);
    }

    private void commit(LearningWrite write, String enrollmentId) {
        try {
            learning.commit(write);
        } catch (ConcurrentChangeException e) {
            throw new Conflict("Enrolment " + enrollmentId + " was changed by another request at the same "
                    + "time; reload it and try again.");
        }
    }
}
