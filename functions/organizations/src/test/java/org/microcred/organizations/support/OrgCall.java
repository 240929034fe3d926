package org.microcred.organizations.support;

import org.microcred.emulators.junit.ApiCall;

/**
 * HTTP API (payload 2.0) events for OrganizationFunction's organisation, member and coach-pool
 * routes, as API Gateway delivers them.
 */
public final class OrgCall extends ApiCall<OrgCall> {

    private OrgCall(String method, String route) {
        super(method, route);
    }

    public static OrgCall createOrganization(Object body) {
        return new OrgCall("POST", "/orgs").json(body);
    }

    public static OrgCall listOrganizations() {
        return new OrgCall("GET", "/orgs");
    }

    public static OrgCall getOrganization(String organizationId) {
        return organization("GET", organizationId);
    }

    public static OrgCall putOrganization(String organizationId, Object body) {
        return organization("PUT", organizationId).json(body);
    }

    public static OrgCall addMember(String organizationId, Object body) {
        return new OrgCall("POST", "/orgs/{orgId}/members")
                .pathParameter("orgId", organizationId).json(body);
    }

    public static OrgCall listMembers(String organizationId) {
        return new OrgCall("GET", "/orgs/{orgId}/members")
                .pathParameter("orgId", organizationId);
    }

    public static OrgCall getMember(String organizationId, String userId) {
        return member("GET", organizationId, userId);
    }

    public static OrgCall patchMember(String organizationId, String userId, Object body) {
        return member("PATCH", organizationId, userId).json(body);
    }

    public static OrgCall getCoachPool(String organizationId, String microCredentialId) {
        return pool("GET", organizationId, microCredentialId);
    }

    public static OrgCall putCoachPool(String organizationId, String microCredentialId, Object body) {
        return pool("PUT", organizationId, microCredentialId).json(body);
    }

    public OrgCall ifMatch(String etag) {
        return header("if-match", etag);
    }

    private static OrgCall organization(String method, String organizationId) {
        return new OrgCall(method, "/orgs/{orgId}").pathParameter("orgId", organizationId);
    }

    private static OrgCall member(String method, String organizationId, String userId) {
        return new OrgCall(method, "/orgs/{orgId}/members/{userId}")
                .pathParameter("orgId", organizationId).pathParameter("userId", userId);
    }

    private static OrgCall pool(String method, String organizationId, String microCredentialId) {
        return new OrgCall(method, "/orgs/{orgId}/microcredentials/{microCredentialId}/coaches")
                .pathParameter("orgId", organizationId).pathParameter("microCredentialId", microCredentialId);
    }
}
