package org.microcred.catalog.support;

import org.microcred.emulators.junit.ApiCall;
import org.microcred.emulators.junit.TestCaller;

/** HTTP API (payload 2.0) events for the catalog routes, as API Gateway would deliver them. */
public final class Requests extends ApiCall<Requests> {

    private Requests(String method, String routeTemplate, String path) {
        super(method, routeTemplate, path);
    }

    public static Requests get(String routeTemplate, String path) {
        return new Requests("GET", routeTemplate, path);
    }

    public static Requests post(String routeTemplate, String path) {
        return new Requests("POST", routeTemplate, path);
    }

    public static Requests put(String routeTemplate, String path) {
        return new Requests("PUT", routeTemplate, path);
    }

    public Requests id(String id) {
        return pathParameter("id", id);
    }

    /** Called by this user (no name claim), as the Cognito JWT authorizer would describe them. */
    public Requests as(String userId, String organizationId, String... groups) {
        return as(TestCaller.of(userId, userId + "@example.org", null, organizationId, groups));
    }

    public Requests adminOf(String organizationId) {
        return as("admin-" + organizationId, organizationId, "org-admin");
    }
}
