package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/openapi.yaml read at run time, every {@code $ref} resolved, as the list of operations the
 * contract promises: so a route added to the document is exercised without editing any test.
 */
final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ROLE = Pattern.compile("\\b(org-admin|platform-admin|learner|coach)\\b");

    private final JsonNode document;

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Every documented operation, in document order. */
    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        boolean securedByDefault = !document.path("security").isEmpty();
        Set<String> unauthorizedTypes = contentTypes(resolve(document.path("components").path("responses")
                .path("Unauthorized")));
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode pathItem = resolve(path.getValue());
            path.getValue().fields().forEachRemaining(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                JsonNode operation = resolve(entry.getValue());
                List<ApiOperation.Parameter> parameters = new ArrayList<>();
                addParameters(parameters, pathItem.path("parameters"));
                addParameters(parameters, operation.path("parameters"));
                JsonNode security = operation.has("security") ? operation.get("security") : null;
                boolean secured = security == null ? securedByDefault : !security.isEmpty();
                Map<String, Set<String>> responses = new LinkedHashMap<>();
                operation.path("responses").fields().forEachRemaining(response ->
                        responses.put(response.getKey(), contentTypes(resolve(response.getValue()))));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                JsonNode requestBody = resolve(operation.path("requestBody"));
                requestBody.path("content").fields().forEachRemaining(content ->
                        bodies.put(content.getKey(), resolveDeep(content.getValue().path("schema"))));
                operations.add(new ApiOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.path("operationId").asText(), List.copyOf(parameters), bodies, secured,
                        roles(operation.path("description").asText()), responses, unauthorizedTypes));
            });
        });
        return operations;
    }

    private void addParameters(List<ApiOperation.Parameter> parameters, JsonNode declared) {
        for (JsonNode raw : declared) {
            JsonNode parameter = resolve(raw);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            parameters.removeIf(existing -> existing.name().equals(name) && existing.in().equals(in));
            ObjectNode schema = resolveDeep(parameter.path("schema")).deepCopy();
            if (parameter.has("example") && !schema.has("example")) {
                schema.set("example", parameter.get("example"));
            }
            parameters.add(new ApiOperation.Parameter(name, in, parameter.path("required").asBoolean(false), schema));
        }
    }

    /** The roles the description's {@code **Roles:**} paragraph names (none for "anyone"). */
    static Set<String> roles(String description) {
        int start = description.indexOf("**Roles:**");
        if (start < 0) {
            return Set.of();
        }
        int end = description.indexOf("\n\n", start);
        String paragraph = description.substring(start, end < 0 ? description.length() : end);
        Set<String> roles = new LinkedHashSet<>();
        Matcher role = ROLE.matcher(paragraph);
        while (role.find()) {
            roles.add(role.group());
        }
        return roles;
    }

    private static Set<String> contentTypes(JsonNode response) {
        Set<String> types = new LinkedHashSet<>();
        response.path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /** The node a {@code $ref} points to (one level), or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String pointer = current.get("$ref").asText();
            if (!pointer.startsWith("#")) {
                throw new IllegalStateException("Only local references are supported: " + pointer);
            }
            current = document.at(pointer.substring(1));
        }
        return current;
    }

    /**
     * A schema with every reference inlined (a reference met again below itself is left as an
     * empty schema, so recursive shapes stay finite).
     */
    ObjectNode resolveDeep(JsonNode schema) {
        return (ObjectNode) inline(schema.isMissingNode() ? YAML.createObjectNode() : schema, new LinkedHashSet<>());
    }

    private JsonNode inline(JsonNode node, Set<String> visiting) {
        if (node.isObject()) {
            JsonNode target = node;
            String reference = node.has("$ref") ? node.get("$ref").asText() : null;
            if (reference != null) {
                if (!visiting.add(reference)) {
                    return YAML.createObjectNode();
                }
                target = resolve(node);
            }
            ObjectNode copy = YAML.createObjectNode();
            target.fields().forEachRemaining(field -> copy.set(field.getKey(), inline(field.getValue(), visiting)));
            // Keywords beside a $ref (OpenAPI 3.1 allows description, examples...) win over the target's.
            if (reference != null) {
                node.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("$ref")) {
                        copy.set(field.getKey(), inline(field.getValue(), visiting));
                    }
                });
                visiting.remove(reference);
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(inline(item, visiting)));
            return copy;
        }
        return node;
    }
}
