package org.microcred.enrollment.service;

import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.records.learning.Enrollment;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * Who may see and change an enrolment: the learner, their coach, and admins of the offering
 * organisation see it in full; PLC peers see its status; to anyone else it does not exist.
 */
public final class EnrollmentAccess {
    private EnrollmentAccess() {
    }

    static boolean isAdminOf(Caller caller, String organizationId) {
        return caller.has(Role.PLATFORM_ADMIN)
                || (caller.has(Role.ORG_ADMIN) && organizationId != null && organizationId.equals(caller.organizationId()));
    }

    static boolean seesFully(Caller caller, Enrollment enrollment) {
        return enrollment.isLearner(caller.userId()) || enrollment.isCoachedBy(caller.userId())
                || isAdminOf(caller, enrollment.organizationId());
    }

    static void requireSignedIn(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
    }

    /** Enrolling needs the learner role. */
    public static void requireLearner(Caller caller) {
        caller.require(Role.LEARNER);
    }

    /** An org admin or a platform admin (which organisation is the service's to check). */
    public static void requireAnyAdmin(Caller caller) {
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            caller.require(Role.ORG_ADMIN);
        }
    }

    /** The same answer whether the enrolment is missing or hidden, so ids cannot be probed. */
    static NotFound notFound(String enrollmentId) {
        return new NotFound("There is no enrolment " + enrollmentId + " that you can see.");
    }
}
