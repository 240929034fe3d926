package org.microcred.catalog.support;

import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the catalog routes, as API Gateway would deliver them. */
public final class Requests extends ApiCall<Requests> {

    private Requests(String method, String routeTemplate, String path) {
        super(method, routeTemplate, path);
    }

    @Override
    protected Requests self() {
        return this;
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

    /** Claims as the Cognito JWT authorizer passes them (groups flattened to "[a b]"). */
    public Requests as(String userId, String organizationId, String... groups) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", userId);
        claims.put("email", userId + "@example.org");
        claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        if (organizationId != null) {
            claims.put("custom:orgId", organizationId);
        }
        return claims(claims);
    }

    public Requests adminOf(String organizationId) {
        return as("admin-" + organizationId, organizationId, "org-admin");
    }
}
