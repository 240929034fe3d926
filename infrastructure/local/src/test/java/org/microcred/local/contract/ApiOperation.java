package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of docs/openapi.yaml: its route, parameters with their schemas, request body
 * schemas by content type, whether it needs a token and which roles its description names, and
 * the content types each documented response status may have.
 */
record ApiOperation(String method, String path, String operationId, List<Parameter> parameters,
                    Map<String, JsonNode> bodies, boolean secured, Set<String> roles,
                    Map<String, Set<String>> responses, Set<String> gatewayUnauthorizedTypes) {

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    List<Parameter> parameters(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    /**
     * The content types an error response with this status may have: what the operation documents
     * for it; for an undocumented status, the problem+json every error is promised to be; and on a
     * route behind the authorizer, also the gateway's own 401.
     */
    Set<String> errorContentTypes(int status) {
        Set<String> documented = Optional.ofNullable(responses.get(Integer.toString(status)))
                .filter(types -> !types.isEmpty())
                .orElse(Set.of(ContractChecks.PROBLEM_JSON));
        if (status == 401 && secured) {
            return union(documented, gatewayUnauthorizedTypes);
        }
        return documented;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
