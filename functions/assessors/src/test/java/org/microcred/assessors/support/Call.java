package org.microcred.assessors.support;

import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the assessor routes. */
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
