package org.microcred.organizations.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.microcred.emulators.junit.ApiResponses;

/** The organisation function's problem documents: status, detail and the fields they name. */
public final class Responses {
    private Responses() {
    }

    /**
     * Asserts an RFC 9457 problem with this status whose {@code errors} name {@code field}
     * (null: a problem that names no field); returns the problem document.
     */
    public static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String field) {
        JsonNode problem = ApiResponses.problem(response, status);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(ApiResponses.fields(problem)).as("fields named by %s", problem).contains(field);
        }
        return problem;
    }
}
