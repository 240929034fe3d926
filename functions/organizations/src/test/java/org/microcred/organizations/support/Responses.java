package org.microcred.organizations.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.microcred.shared.json.Json;

/** Reading the handler's responses the way a web client would. */
public final class Responses {
    private Responses() {
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts an RFC 9457 problem with this status whose {@code errors} name {@code field}
     * (null: a problem that names no field); returns the problem document.
     */
    public static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(fields(problem)).as("fields named by %s", problem).contains(field);
        }
        return problem;
    }

    /** The fields a problem's {@code errors} name. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
