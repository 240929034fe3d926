package org.microcred.emulators.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.HttpRoute;
import org.microcred.emulators.SamTemplate;

/**
 * docs/openapi.yaml is the contract web clients code against; template.yaml is what is deployed.
 * They must name the same routes, and public routes must be documented as public.
 */
class OpenApiMatchesTemplateTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private final SamTemplate template = SamTemplate.locate();

    @Test
    void openApiDocumentsExactlyTheTemplatesRoutes() throws IOException {
        Set<String> documented = new TreeSet<>(documentedOperations().keySet());
        Set<String> deployed = new TreeSet<>();
        for (HttpRoute route : template.routes()) {
            deployed.add(route.routeKey());
        }

        assertThat(documented).as("docs/openapi.yaml operations").isEqualTo(deployed);
    }

    @Test
    void routesWithoutAuthorizerAreDocumentedAsPublic() throws IOException {
        Map<String, JsonNode> operations = documentedOperations();
        for (HttpRoute route : template.routes()) {
            JsonNode security = operations.get(route.routeKey()).path("security");
            boolean documentedPublic = security.isArray() && security.isEmpty();
            assertThat(documentedPublic).as("%s is public in template.yaml: %s", route.routeKey(), !route.authorized())
                    .isEqualTo(!route.authorized());
        }
    }

    private Map<String, JsonNode> documentedOperations() throws IOException {
        JsonNode openApi = new ObjectMapper(new YAMLFactory())
                .readTree(template.directory().resolve("docs/openapi.yaml").toFile());
        assertThat(openApi.path("openapi").asText()).startsWith("3.1");
        Map<String, JsonNode> operations = new java.util.HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
                }
            });
        }
        return operations;
    }
}
