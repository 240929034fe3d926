package org.microcred.enrollment.support;

import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the enrolment routes, as API Gateway would deliver them. */
public final class Requests extends ApiCall<Requests> {

    private Requests(String method, String routeTemplate, String path) {
        super(method, routeTemplate, path);
    }

    @Override
    protected Requests self() {
        return this;
    }

    public static Requests enroll(String microCredentialId) {
        return new Requests("POST", "/microcredentials/{id}/enrollments",
                "/microcredentials/" + microCredentialId + "/enrollments").path("id", microCredentialId);
    }

    public static Requests myEnrollments() {
        return new Requests("GET", "/me/enrollments", "/me/enrollments");
    }

    public static Requests enrollment(String enrollmentId) {
        return new Requests("GET", "/enrollments/{id}", "/enrollments/" + enrollmentId).path("id", enrollmentId);
    }

    public static Requests withdraw(String enrollmentId) {
        return new Requests("DELETE", "/enrollments/{id}", "/enrollments/" + enrollmentId).path("id", enrollmentId);
    }

    public static Requests assignCoach(String enrollmentId, String coachId) {
        Requests request = new Requests("PUT", "/enrollments/{id}/coach", "/enrollments/" + enrollmentId + "/coach")
                .path("id", enrollmentId);
        return coachId == null ? request : request.json(Map.of("coachId", coachId));
    }

    public static Requests organizationEnrollments(String organizationId, String status) {
        Requests request = new Requests("GET", "/orgs/{orgId}/enrollments", "/orgs/" + organizationId + "/enrollments")
                .path("orgId", organizationId);
        return status == null ? request : request.query("status", status);
    }

    public Requests path(String name, String value) {
        return pathParameter(name, value);
    }

    /** Claims as the Cognito JWT authorizer passes them (groups flattened to "[a b]"). */
    public Requests as(Person person) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", person.userId());
        if (person.email() != null) {
            claims.put("email", person.email());
        }
        claims.put("name", person.name());
        claims.put("cognito:groups", "[" + String.join(" ", person.groups()) + "]");
        if (person.organizationId() != null) {
            claims.put("custom:orgId", person.organizationId());
        }
        return claims(claims);
    }
}
