package org.microcred.emulators.junit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.microcred.shared.json.Json;

/**
 * One HTTP API request a function test sends: route, path, parameters, headers, body and the
 * authorizer's claims. A module's tests subclass it with factories for their own routes and a
 * way to say who is calling ({@link #as}), so the request-building itself exists once.
 *
 * @param <T> the subclass, so chained calls keep its own methods
 */
public abstract class ApiCall<T extends ApiCall<T>> {
    private final String routeKey;
    private final String path;
    private final String routeTemplate;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    protected ApiCall(String method, String routeTemplate, String path) {
        this.routeKey = method + " " + routeTemplate;
        this.routeTemplate = routeTemplate;
        this.path = path;
    }

    /** A call whose path is the route template with its {@link #pathParameter path parameters} filled in. */
    protected ApiCall(String method, String routeTemplate) {
        this(method, routeTemplate, null);
    }

    /** This call as its own type: {@code T} is always the subclass itself. */
    @SuppressWarnings("unchecked")
    protected T self() {
        return (T) this;
    }

    public T pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return self();
    }

    public T query(String name, String value) {
        query.put(name, value);
        return self();
    }

    public T header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return self();
    }

    /** The claims the Cognito JWT authorizer would pass (groups flattened to "[a b]"). */
    public T claims(Map<String, String> authorizerClaims) {
        claims = new HashMap<>(authorizerClaims);
        return self();
    }

    /** Called by this person: the claims their token carries. */
    public T as(TestCaller caller) {
        return claims(caller.claims());
    }

    public T json(Object value) {
        return rawBody(value instanceof String text ? text : Json.write(value), "application/json");
    }

    public T rawBody(String raw, String contentType) {
        body = raw;
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return self();
    }

    public APIGatewayV2HTTPEvent event() {
        return HttpApiEvents.event(routeKey, path == null ? filledIn() : path, pathParameters, query, headers, claims,
                body);
    }

    private String filledIn() {
        String filled = routeTemplate;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            filled = filled.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        return filled;
    }
}
