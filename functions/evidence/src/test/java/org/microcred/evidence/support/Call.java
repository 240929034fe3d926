package org.microcred.evidence.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.shared.json.Json;

/** HTTP API (payload 2.0) events for the evidence routes, as API Gateway delivers them. */
public final class Call {
    private final String routeKey;
    private final String path;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    private Call(String method, String route, String path, String enrollmentId, String artifactId) {
        this.routeKey = method + " " + route;
        this.path = path;
        pathParameters.put("id", enrollmentId);
        if (artifactId != null) {
            pathParameters.put("artifactId", artifactId);
        }
    }

    public static Call declare(String enrollmentId, Object declaration) {
        return new Call("POST", "/enrollments/{id}/artifacts", "/enrollments/" + enrollmentId + "/artifacts",
                enrollmentId, null).json(declaration);
    }

    public static Call complete(String enrollmentId, String artifactId) {
        return new Call("POST", "/enrollments/{id}/artifacts/{artifactId}/complete",
                "/enrollments/" + enrollmentId + "/artifacts/" + artifactId + "/complete", enrollmentId, artifactId);
    }

    public static Call remove(String enrollmentId, String artifactId) {
        return new Call("DELETE", "/enrollments/{id}/artifacts/{artifactId}",
                "/enrollments/" + enrollmentId + "/artifacts/" + artifactId, enrollmentId, artifactId);
    }

    public static Call download(String enrollmentId, String artifactId) {
        return new Call("GET", "/enrollments/{id}/artifacts/{artifactId}/download",
                "/enrollments/" + enrollmentId + "/artifacts/" + artifactId + "/download", enrollmentId, artifactId);
    }

    public static Call submit(String enrollmentId) {
        return new Call("POST", "/enrollments/{id}/submissions", "/enrollments/" + enrollmentId + "/submissions",
                enrollmentId, null);
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
