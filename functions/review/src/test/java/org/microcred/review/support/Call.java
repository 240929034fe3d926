package org.microcred.review.support;

import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the review routes. */
public final class Call extends ApiCall<Call> {

    private Call(String method, String route, String name, String value) {
        super(method, route);
        if (name != null) {
            pathParameter(name, value);
        }
    }

    public static Call queue() {
        return new Call("GET", "/coach/reviews", null, null);
    }

    public static Call submission(String id) {
        return new Call("GET", "/submissions/{id}", "id", id);
    }

    public static Call decide(String id, Object decision) {
        return new Call("POST", "/submissions/{id}/decision", "id", id)
                .json(decision);
    }

    public static Call page(String token) {
        return new Call("GET", "/review/{token}", "token", token);
    }

    public static Call postPage(String token, String formBody) {
        return new Call("POST", "/review/{token}", "token", token)
                .rawBody(formBody, "application/x-www-form-urlencoded");
    }

    public static Call overdue(String organizationId) {
        return new Call("GET", "/orgs/{orgId}/reviews/overdue", "orgId", organizationId);
    }
}
