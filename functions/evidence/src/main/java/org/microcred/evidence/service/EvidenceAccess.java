package org.microcred.evidence.service;

import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.LearningStore;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * Who may touch an enrolment's evidence: its learner changes and submits it; the learner and
 * the assigned coach download it. To everyone else (PLC peers, other learners and coaches,
 * admins) the enrolment's evidence does not exist, so ids cannot be probed.
 */
final class EvidenceAccess {
    private final LearningStore enrollments;

    EvidenceAccess(LearningStore enrollments) {
        this.enrollments = enrollments;
    }

    /** Changing and submitting evidence is acting as a learner: a deactivated member no longer may. */
    Enrollment asLearner(Caller caller, String enrollmentId) {
        Enrollment enrollment = load(caller, enrollmentId);
        if (enrollment.isLearner(caller.userId())) {
            caller.require(Role.LEARNER);
        }
        if (!enrollment.isLearner(caller.userId())) {
            throw notFound(enrollmentId);
        }
        return enrollment;
    }

    Enrollment asLearnerOrCoach(Caller caller, String enrollmentId) {
        Enrollment enrollment = load(caller, enrollmentId);
        if (!enrollment.isLearner(caller.userId()) && !enrollment.isCoachedBy(caller.userId())) {
            throw notFound(enrollmentId);
        }
        if (!enrollment.isLearner(caller.userId())) {
            // Their own evidence stays the learner's; a coach reads it only while still coaching.
            caller.require(Role.COACH);
        }
        return enrollment;
    }

    private Enrollment load(Caller caller, String enrollmentId) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        if (enrollmentId == null || !enrollmentId.matches("enr-[a-z0-9]{20}")) {
            throw notFound(String.valueOf(enrollmentId));
        }
        return enrollments.find(enrollmentId).orElseThrow(() -> notFound(enrollmentId));
    }

    static NotFound notFound(String enrollmentId) {
        return new NotFound("There is no enrolment " + enrollmentId + " that you can see.");
    }
}
