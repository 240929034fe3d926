package org.microcred.enrollment.support;

import java.util.Map;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the enrolment routes, as API Gateway would deliver them. */
public final class Requests extends ApiCall<Requests> {

    private Requests(String method, String routeTemplate) {
        super(method, routeTemplate);
    }

    public static Requests enroll(String microCredentialId) {
        return new Requests("POST", "/microcredentials/{id}/enrollments").path("id", microCredentialId);
    }

    public static Requests myEnrollments() {
        return new Requests("GET", "/me/enrollments");
    }

    public static Requests enrollment(String enrollmentId) {
        return new Requests("GET", "/enrollments/{id}").path("id", enrollmentId);
    }

    public static Requests withdraw(String enrollmentId) {
        return new Requests("DELETE", "/enrollments/{id}").path("id", enrollmentId);
    }

    public static Requests assignCoach(String enrollmentId, String coachId) {
        Requests request = new Requests("PUT", "/enrollments/{id}/coach").path("id", enrollmentId);
        return coachId == null ? request : request.json(Map.of("coachId", coachId));
    }

    public static Requests organizationEnrollments(String organizationId, String status) {
        Requests request = new Requests("GET", "/orgs/{orgId}/enrollments").path("orgId", organizationId);
        return status == null ? request : request.query("status", status);
    }

    public Requests path(String name, String value) {
        return pathParameter(name, value);
    }
}
