package org.microcred.enrollment.support;

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

    public static Requests enroll(String microCredentialId) {
        return new Requests("POST", "/microcredentials/{id}/enrollments",
                "/microcredentials/" + microCredentialId + "/enrollments").path("id", microCredentialId);
    }

    public static Requests myEnrollments() {
        return new Requests("GET", "/me/enrollments", "/me/enrollments");
    }

    public static Requests enrollment(String enrollmentId) {
        return new Requests("GET", "/enrollments/{id}", "/enrollments/" + enrollmentId).path("id", enrollmentId);
    }

    public static Requests withdraw(String enrollmentId) {
        return new Requests("DELETE", "/enrollments/{id}", "/enrollments/" + enrollmentId).path("id", enrollmentId);
    }

    public static Requests assignCoach(String enrollmentId, String coachId) {
        Requests request = new Requests("PUT", "/enrollments/{id}/coach", "/enrollments/" + enrollmentId + "/coach")
                .path("id", enrollmentId);
        return coachId == null ? request : request.json(Map.of("coachId", coachId));
    }

    public static Requests organizationEnrollments(String organizationId, String status) {
        Requests request = new Requests("GET", "/orgs/{orgId}/enrollments", "/orgs/" + organizationId + "/enrollments")
                .path("orgId", organizationId);
        return status == null ? request : request.query("status", status);
    }

    public Requests path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** Claims as the Cognito JWT authorizer passes them (groups flattened to "[a b]"). */
    public Requests as(Person person) {
        claims = new HashMap<>();
        claims.put("sub", person.userId());
        if (person.email() != null) {
            claims.put("email", person.email());
        }
        claims.put("name", person.name());
        claims.put("cognito:groups", "[" + String.join(" ", person.groups()) + "]");
        if (person.organizationId() != null) {
            claims.put("custom:orgId", person.organizationId());
        }
        return this;
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
