package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml read as the local stack needs it: tables, buckets, functions and their routes
 * and event sources. The template is the single source of truth, so nothing here is declared
 * twice: if a route or index is not in the template, it does not exist locally either.
 */
public final class SamTemplate {
    /** System property naming a template file to use instead of the repository's. */
    public static final String LOCATION_PROPERTY = "microcred.template";
    public static final String FILE_NAME = "template.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final Map<String, String> parameterDefaults = new LinkedHashMap<>();
    private final Map<String, String> resourceTypes = new LinkedHashMap<>();
    private final Map<String, TableDefinition> tables = new LinkedHashMap<>();
    private final Map<String, BucketDefinition> buckets = new LinkedHashMap<>();
    private final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
    private final JsonNode httpApiCors;

    private SamTemplate(Path file, JsonNode root) {
        this.file = file;
        root.path("Parameters").fields().forEachRemaining(parameter -> {
            JsonNode fallback = parameter.getValue().path("Default");
            if (!fallback.isMissingNode()) {
                parameterDefaults.put(parameter.getKey(), fallback.asText());
            }
        });
        JsonNode resources = root.path("Resources");
        JsonNode globals = root.path("Globals");
        FunctionEvents events = new FunctionEvents(resources, globals.path("HttpApi"));
        JsonNode cors = globals.path("HttpApi").path("CorsConfiguration");
        for (Map.Entry<String, JsonNode> resource : iterate(resources)) {
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            resourceTypes.put(id, type);
            switch (type) {
                case "AWS::DynamoDB::Table" -> tables.put(id, TableDefinition.from(id, properties));
                case "AWS::S3::Bucket" -> buckets.put(id, BucketDefinition.from(id, properties));
                case "AWS::Serverless::Function" -> functions.put(id,
                        FunctionDefinition.from(id, properties, globals.path("Function"), events));
                case "AWS::Serverless::HttpApi" -> cors = properties.has("CorsConfiguration")
                        ? properties.path("CorsConfiguration") : cors;
                default -> {
                    // Identity, policies, log groups and the like have no local counterpart.
                }
            }
        }
        this.httpApiCors = cors;
    }

    /** Reads a template file. */
    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file.toAbsolutePath().normalize(), YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SAM template " + file, e);
        }
    }

    /**
     * The repository's template: the file named by {@value #LOCATION_PROPERTY}, or else the
     * nearest {@value #FILE_NAME} in the working directory or one of its parents (so it is found
     * from any module's tests as well as from the repository root).
     */
    public static SamTemplate locate() {
        return load(locateFile());
    }

    /** Where {@link #locate()} finds the template. */
    public static Path locateFile() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + FILE_NAME + " in " + start + " or any parent directory; set -D"
                + LOCATION_PROPERTY + "=<path>");
    }

    public Path file() {
        return file;
    }

    /** The directory holding the template: the repository root for the real one. */
    public Path directory() {
        return file.getParent();
    }

    public List<TableDefinition> tables() {
        return List.copyOf(tables.values());
    }

    public List<BucketDefinition> buckets() {
        return List.copyOf(buckets.values());
    }

    public List<FunctionDefinition> functions() {
        return List.copyOf(functions.values());
    }

    public TableDefinition table(String logicalId) {
        return find(tables, logicalId, "table");
    }

    public FunctionDefinition function(String logicalId) {
        return find(functions, logicalId, "function");
    }

    /** Every HttpApi route of every function, in template order. */
    public List<HttpRoute> routes() {
        List<HttpRoute> routes = new ArrayList<>();
        functions.values().forEach(function -> routes.addAll(function.routes()));
        return routes;
    }

    public Map<String, String> parameterDefaults() {
        return Map.copyOf(parameterDefaults);
    }

    /** The HttpApi's CORS settings with {@code Ref}s to parameters resolved, if it has any. */
    public Optional<CorsConfiguration> httpApiCors() {
        if (httpApiCors.isMissingNode()) {
            return Optional.empty();
        }
        IntrinsicResolver resolver = resolver(Map.of());
        return Optional.of(CorsConfiguration.from(httpApiCors, resolver::resolve));
    }

    /**
     * A function's environment as it would be deployed: Globals merged with the function's own
     * variables, {@code Ref}s to tables and buckets replaced by their physical names, parameters
     * by their defaults, and anything without a local meaning by an {@code <unresolved ...>} marker.
     */
    public Map<String, String> environment(String functionLogicalId, Map<String, String> physicalNames) {
        IntrinsicResolver resolver = resolver(physicalNames);
        Map<String, String> environment = new LinkedHashMap<>();
        function(functionLogicalId).environment()
                .forEach((name, value) -> environment.put(name, resolver.resolve(value)));
        return environment;
    }

    /** Resolves one template value (a scalar or an intrinsic function) against physical names. */
    public String resolve(JsonNode value, Map<String, String> physicalNames) {
        return resolver(physicalNames).resolve(value);
    }

    private IntrinsicResolver resolver(Map<String, String> physicalNames) {
        return new IntrinsicResolver(parameterDefaults, resourceTypes, physicalNames);
    }

    private static <T> T find(Map<String, T> definitions, String logicalId, String kind) {
        T definition = definitions.get(logicalId);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no " + kind + " " + logicalId
                    + "; it has " + definitions.keySet());
        }
        return definition;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterate(JsonNode node) {
        return node::fields;
    }
}
