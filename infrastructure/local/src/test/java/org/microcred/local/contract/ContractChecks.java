package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.microcred.local.fixtures.RawHttp;

/**
 * What every answer to a bad request must be: never a 5xx; an error in a content type the
 * contract documents for it (problem+json unless the operation says otherwise, or the gateway's
 * own 401 on a route behind the authorizer); a problem document that is one; and no word of the
 * implementation (class and package names, exception names, stack frames).
 */
final class ContractChecks {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_TYPE_BASE = "https://microcred.org/problems/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "org\\.microcred|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|software\\.amazon|com\\.amazonaws"
                    + "|Exception|Caused by|\\bat [a-z]+\\.[a-z]|\\.java:\\d|jackson|\\$Proxy|@[0-9a-f]{6,}\\b");

    private ContractChecks() {
    }

    /** Everything wrong with the answer; empty when it keeps the contract. */
    static List<String> violations(ApiOperation operation, RawHttp.Response response) {
        List<String> violations = new ArrayList<>();
        int status = response.status();
        if (status >= 500) {
            violations.add("answered " + status);
            return violations;
        }
        if (status < 400) {
            return violations;
        }
        Set<String> allowed = operation.errorContentTypes(status);
        String contentType = response.contentType();
        if (!allowed.contains(contentType)) {
            violations.add(status + " as '" + contentType + "', documented: " + allowed);
        } else if (contentType.equals(PROBLEM_JSON)) {
            problemShape(status, response.body(), violations);
        } else if (status == 401 && contentType.equals("application/json")) {
            if (!response.body().strip().equals("{\"message\":\"Unauthorized\"}")) {
                violations.add("a 401 as application/json that is not the gateway's {\"message\":\"Unauthorized\"}");
            }
        }
        var internal = INTERNALS.matcher(response.body());
        if (internal.find()) {
            violations.add("the body names internals ('" + internal.group() + "')");
        }
        return violations;
    }

    private static void problemShape(int status, String body, List<String> violations) {
        JsonNode problem;
        try {
            problem = MAPPER.readTree(body);
        } catch (IOException e) {
            violations.add("problem+json that is not JSON");
            return;
        }
        if (problem == null || !problem.isObject()) {
            violations.add("problem+json that is not an object");
            return;
        }
        if (!problem.path("type").asText().startsWith(PROBLEM_TYPE_BASE)) {
            violations.add("problem type '" + problem.path("type").asText() + "' is not one of ours");
        }
        if (problem.path("title").asText().isBlank() || problem.path("detail").asText().isBlank()) {
            violations.add("problem without a title and a detail");
        }
        if (problem.path("status").asInt() != status) {
            violations.add("problem status " + problem.path("status") + " differs from the HTTP status " + status);
        }
    }
}
