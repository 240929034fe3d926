package org.microcred.review.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.shared.json.Json;

/** HTTP API (payload 2.0) events for the review routes, and the evidence routes a test drives. */
public final class Call {
    private final String routeKey;
    private final String path;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    private Call(String method, String route, String path, String name, String value) {
        this.routeKey = method + " " + route;
        this.path = path;
        if (name != null) {
            pathParameters.put(name, value);
        }
    }

    public static Call queue() {
        return new Call("GET", "/coach/reviews", "/coach/reviews", null, null);
    }

    public static Call submission(String id) {
        return new Call("GET", "/submissions/{id}", "/submissions/" + id, "id", id);
    }

    public static Call decide(String id, Object decision) {
        return new Call("POST", "/submissions/{id}/decision", "/submissions/" + id + "/decision", "id", id)
                .json(decision);
    }

    public static Call page(String token) {
        return new Call("GET", "/review/{token}", "/review/" + token, "token", token);
    }

    public static Call postPage(String token, String formBody) {
        Call call = new Call("POST", "/review/{token}", "/review/" + token, "token", token);
        call.body = formBody;
        call.headers.put("content-type", "application/x-www-form-urlencoded");
        return call;
    }

    public static Call declare(String enrollmentId, Object declaration) {
        return new Call("POST", "/enrollments/{id}/artifacts", "/enrollments/" + enrollmentId + "/artifacts", "id",
                enrollmentId).json(declaration);
    }

    public static Call submit(String enrollmentId) {
        return new Call("POST", "/enrollments/{id}/submissions", "/enrollments/" + enrollmentId + "/submissions", "id",
                enrollmentId);
    }

    public Call as(Who who) {
        claims = new HashMap<>();
        claims.put("sub", who.userId());
        claims.put("email", who.email());
        claims.put("name", who.name());
        claims.put("cognito:groups", "[" + who.group() + "]");
        claims.put("custom:orgId", who.organizationId());
        return this;
    }

    public Call json(Object value) {
        body = value instanceof String text ? text : Json.write(value);
        headers.put("content-type", "application/json");
        return this;
    }

    public APIGatewayV2HTTPEvent event() {
        return HttpApiEvents.event(routeKey, path, pathParameters, null, headers, claims, body);
    }
}
