package org.microcred.assessors.support;

import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the assessor routes, and the other functions' routes a fixture drives. */
public final class Call extends ApiCall<Call> {

    private Call(String method, String route, String path) {
        super(method, route, path);
    }

    @Override
    protected Call self() {
        return this;
    }

    public static Call invite(String organizationId, Object body) {
        return new Call("POST", "/orgs/{orgId}/assessor-invitations", "/orgs/" + organizationId
                + "/assessor-invitations").pathParameter("orgId", organizationId).json(body);
    }

    public static Call invitationPage(String token) {
        return new Call("GET", "/assessor-invitations/{token}", "/assessor-invitations/" + token)
                .pathParameter("token", token);
    }

    public static Call acceptInvitation(String token, String formBody) {
        return new Call("POST", "/assessor-invitations/{token}", "/assessor-invitations/" + token)
                .pathParameter("token", token).rawBody(formBody, "application/x-www-form-urlencoded");
    }

    public static Call calibrationSet(String organizationId, String microCredentialId, Object body) {
        return new Call("PUT", "/orgs/{orgId}/calibration-sets/{microCredentialId}", "/orgs/" + organizationId
                + "/calibration-sets/" + microCredentialId).pathParameter("orgId", organizationId)
                .pathParameter("microCredentialId", microCredentialId).json(body);
    }

    public static Call currentSet(String organizationId, String microCredentialId) {
        return new Call("GET", "/orgs/{orgId}/calibration-sets/{microCredentialId}", "/orgs/" + organizationId
                + "/calibration-sets/" + microCredentialId).pathParameter("orgId", organizationId)
                .pathParameter("microCredentialId", microCredentialId);
    }

    public static Call myCalibration() {
        return new Call("GET", "/assessor/calibration", "/assessor/calibration");
    }

    public static Call score(String microCredentialId, Object body) {
        return new Call("POST", "/assessor/calibration/{microCredentialId}/scores", "/assessor/calibration/"
                + microCredentialId + "/scores").pathParameter("microCredentialId", microCredentialId).json(body);
    }

    public static Call report(String organizationId) {
        return new Call("GET", "/orgs/{orgId}/reports/assessors", "/orgs/" + organizationId + "/reports/assessors")
                .pathParameter("orgId", organizationId);
    }

    public static Call declare(String enrollmentId, Object declaration) {
        return new Call("POST", "/enrollments/{id}/artifacts", "/enrollments/" + enrollmentId + "/artifacts")
                .pathParameter("id", enrollmentId).json(declaration);
    }

    public static Call complete(String enrollmentId, String artifactId) {
        return new Call("POST", "/enrollments/{id}/artifacts/{artifactId}/complete", "/enrollments/" + enrollmentId
                + "/artifacts/" + artifactId + "/complete").pathParameter("id", enrollmentId)
                .pathParameter("artifactId", artifactId);
    }

    public static Call submit(String enrollmentId) {
        return new Call("POST", "/enrollments/{id}/submissions", "/enrollments/" + enrollmentId + "/submissions")
                .pathParameter("id", enrollmentId);
    }

    public static Call decide(String submissionId, Object decision) {
        return new Call("POST", "/submissions/{id}/decision", "/submissions/" + submissionId + "/decision")
                .pathParameter("id", submissionId).json(decision);
    }

    public static Call enroll(String microCredentialId) {
        return new Call("POST", "/microcredentials/{id}/enrollments", "/microcredentials/" + microCredentialId
                + "/enrollments").pathParameter("id", microCredentialId);
    }

    public Call as(Who who) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", who.userId());
        claims.put("email", who.email());
        claims.put("name", who.name());
        claims.put("cognito:groups", "[" + who.group() + "]");
        claims.put("custom:orgId", who.organizationId());
        return claims(claims);
    }
}
