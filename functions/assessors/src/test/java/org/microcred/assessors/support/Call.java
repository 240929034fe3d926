package org.microcred.assessors.support;

import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the assessor routes. */
public final class Call extends ApiCall<Call> {

    private Call(String method, String route) {
        super(method, route);
    }

    public static Call invite(String organizationId, Object body) {
        return new Call("POST", "/orgs/{orgId}/assessor-invitations").pathParameter("orgId", organizationId).json(body);
    }

    public static Call invitationPage(String token) {
        return new Call("GET", "/assessor-invitations/{token}").pathParameter("token", token);
    }

    public static Call acceptInvitation(String token, String formBody) {
        return new Call("POST", "/assessor-invitations/{token}").pathParameter("token", token)
                .rawBody(formBody, "application/x-www-form-urlencoded");
    }

    public static Call calibrationSet(String organizationId, String microCredentialId, Object body) {
        return set("PUT", organizationId, microCredentialId).json(body);
    }

    public static Call currentSet(String organizationId, String microCredentialId) {
        return set("GET", organizationId, microCredentialId);
    }

    public static Call myCalibration() {
        return new Call("GET", "/assessor/calibration");
    }

    public static Call score(String microCredentialId, Object body) {
        return new Call("POST", "/assessor/calibration/{microCredentialId}/scores")
                .pathParameter("microCredentialId", microCredentialId).json(body);
    }

    public static Call report(String organizationId) {
        return new Call("GET", "/orgs/{orgId}/reports/assessors").pathParameter("orgId", organizationId);
    }

    private static Call set(String method, String organizationId, String microCredentialId) {
        return new Call(method, "/orgs/{orgId}/calibration-sets/{microCredentialId}")
                .pathParameter("orgId", organizationId).pathParameter("microCredentialId", microCredentialId);
    }
}
