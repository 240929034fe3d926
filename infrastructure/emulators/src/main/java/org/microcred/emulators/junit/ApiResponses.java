package org.microcred.emulators.junit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.shared.json.Json;

/** Reading a handler's HTTP API responses in function tests: status, headers, JSON body, problems. */
public final class ApiResponses {
    private ApiResponses() {
    }

    /** Fails (showing the body) unless the response has this status; returns it. */
    public static APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response;
    }

    /** The body as JSON. */
    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.getBody(), e);
        }
    }

    /** The JSON body of a response that must have this status. */
    public static JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
        return body(expect(response, status));
    }

    /** A header by name, whatever its case; null when absent. */
    public static String header(APIGatewayV2HTTPResponse response, String name) {
        Map<String, String> headers = response.getHeaders();
        return headers == null ? null : headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Fails unless the response is an {@code application/problem+json} with this status; returns the problem. */
    public static JsonNode problem(APIGatewayV2HTTPResponse response, int status) {
        expect(response, status);
        String contentType = response.getHeaders() == null ? null : response.getHeaders().get("content-type");
        if (!"application/problem+json".equals(contentType)) {
            throw new AssertionError("Expected content-type application/problem+json but got " + contentType + ": "
                    + response.getBody());
        }
        return body(response);
    }

    /** The fields a problem's {@code errors} name. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
