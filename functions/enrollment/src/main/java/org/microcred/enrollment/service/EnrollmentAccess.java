package org.microcred.enrollment.service;

import org.microcred.records.learning.Enrollment;
import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * Who may see and change an enrolment: the learner, their coach, and admins of the offering
 * organisation see it in full; PLC peers see its status; to anyone else it does not exist.
 */
final class EnrollmentAccess {
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
            throw ApiProblem.unauthorized("Sign in to do this.");
        }
    }

    /** The same answer whether the enrolment is missing or hidden, so ids cannot be probed. */
    static ApiProblem notFound(String enrollmentId) {
        return ApiProblem.notFound("There is no enrolment " + enrollmentId + " that you can see.");
    }
}
