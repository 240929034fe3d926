package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.microcred.shared.json.Json;

/** Builds HTTP API responses so every handler answers with the same headers and encodings. */
public final class ApiResponse {
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponse() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return respond(status, JSON, Json.write(body), Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        return respond(status, JSON, Json.write(body), extraHeaders);
    }

    public static APIGatewayV2HTTPResponse html(int status, String html) {
        return respond(status, "text/html; charset=utf-8", html, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(ApiProblem problem, String path, String requestId) {
        ProblemBody body = ProblemBody.of(problem, path, requestId);
        if (problem.extensions().isEmpty()) {
            return respond(problem.status(), PROBLEM_JSON, Json.write(body), Map.of());
        }
        ObjectNode document = Json.mapper().valueToTree(body);
        problem.extensions().forEach(document::putPOJO);
        return respond(problem.status(), PROBLEM_JSON, Json.write(document), Map.of());
    }

    public static APIGatewayV2HTTPResponse respond(int status, String contentType, String body,
                                                   Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", contentType);
        headers.putIfAbsent("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
