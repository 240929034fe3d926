package org.microcred.catalog.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.shared.json.Json;

/** HTTP API (payload 2.0) events as API Gateway would deliver them for one route. */
public final class Requests {
    private final String routeKey;
    private final String path;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    private Requests(String method, String routeTemplate, String path) {
        this.routeKey = method + " " + routeTemplate;
        this.path = path;
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
        pathParameters.put("id", id);
        return this;
    }

    public Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public Requests header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    /** Claims as the Cognito JWT authorizer passes them (groups flattened to "[a b]"). */
    public Requests as(String userId, String organizationId, String... groups) {
        claims = new HashMap<>();
        claims.put("sub", userId);
        claims.put("email", userId + "@example.org");
        claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        if (organizationId != null) {
            claims.put("custom:orgId", organizationId);
        }
        return this;
    }

    public Requests adminOf(String organizationId) {
        return as("admin-" + organizationId, organizationId, "org-admin");
    }

    public Requests json(Object value) {
        return rawBody(value instanceof String text ? text : Json.write(value), "application/json");
    }

    public Requests rawBody(String raw, String contentType) {
        body = raw;
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return this;
    }

    public APIGatewayV2HTTPEvent event() {
        return HttpApiEvents.event(routeKey, path, pathParameters, query, headers, claims, body);
    }
}
