package org.microcred.emulators;

/**
 * One HttpApi event of a function: the route API Gateway would create. {@code authorized} is
 * false only when the event opts out of the API's default authorizer ({@code Authorizer: NONE}).
 */
public record HttpRoute(String functionLogicalId, String eventName, String method, String path, boolean authorized) {

    /** API Gateway's route key, e.g. {@code GET /microcredentials/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
