package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Plausible values from a JSON Schema of the contract: its const, enum or examples, a real id
 * of the running stack for a property named like one, otherwise a value of the declared type
 * within the declared bounds. Good enough to get a request past the checks an attack is not aimed at.
 */
final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final StackSamples samples;

    SchemaValues(StackSamples samples) {
        this.samples = samples;
    }

    /** The schema with {@code allOf} merged and one branch of {@code oneOf}/{@code anyOf} chosen. */
    static ObjectNode effective(JsonNode schema, Random random) {
        ObjectNode merged = NODES.objectNode();
        if (!schema.isObject()) {
            return merged;
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("allOf") && !field.getKey().equals("oneOf") && !field.getKey().equals("anyOf")) {
                // Copies, because merging parts below adds to properties and required.
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        for (JsonNode part : schema.path("allOf")) {
            merge(merged, effective(part, random));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.path(choice);
            if (branches.isArray() && !branches.isEmpty()) {
                merge(merged, effective(branches.get(random.nextInt(branches.size())), random));
            }
        }
        return merged;
    }

    private static void merge(ObjectNode into, ObjectNode part) {
        part.fields().forEachRemaining(field -> {
            JsonNode existing = into.get(field.getKey());
            if (field.getKey().equals("properties") && existing instanceof ObjectNode properties) {
                properties.setAll((ObjectNode) field.getValue().deepCopy());
            } else if (field.getKey().equals("required") && existing instanceof ArrayNode required) {
                required.addAll((ArrayNode) field.getValue().deepCopy());
            } else {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    /** The JSON type a schema declares (the first that is not null), inferred when it declares none. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode candidate : type) {
                if (!candidate.asText().equals("null")) {
                    return candidate.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        JsonNode sample = schema.has("const") ? schema.get("const") : schema.path("enum").path(0);
        if (sample.isNumber()) {
            return sample.isIntegralNumber() ? "integer" : "number";
        }
        if (sample.isBoolean()) {
            return "boolean";
        }
        return sample.isMissingNode() ? "" : "string";
    }

    /**
     * A plausible value for a property or parameter {@code name} of a request to a path under
     * {@code scope} (the path's first segment: values the stack knows for that page come first).
     */
    JsonNode plausible(JsonNode rawSchema, String name, String scope, Random random) {
        return plausible(rawSchema, name, scope, random, 0);
    }

    private JsonNode plausible(JsonNode rawSchema, String name, String scope, Random random, int depth) {
        ObjectNode schema = effective(rawSchema, random);
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode choices = schema.path("enum");
        if (choices.isArray() && !choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size()));
        }
        String type = type(schema);
        List<String> known = samples.forName(scope + "." + name).isEmpty() ? samples.forName(name)
                : samples.forName(scope + "." + name);
        if ((type.equals("string") || type.isEmpty()) && !known.isEmpty() && random.nextInt(5) > 0) {
            return TextNode.valueOf(known.get(random.nextInt(known.size())));
        }
        List<JsonNode> examples = examples(schema);
        if (!examples.isEmpty() && random.nextBoolean() && !type.equals("object")) {
            return examples.get(random.nextInt(examples.size()));
        }
        return switch (type) {
            case "object" -> depth > MAX_DEPTH ? NODES.objectNode() : object(schema, scope, random, depth);
            case "array" -> array(schema, name, scope, random, depth);
            case "integer" -> NODES.numberNode(integer(schema, random));
            case "number" -> NODES.numberNode(integer(schema, random) + (random.nextBoolean() ? 0.5 : 0));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> examples.isEmpty() ? TextNode.valueOf(text(schema, random))
                    : examples.get(random.nextInt(examples.size()));
        };
    }

    /** A plausible value as it would appear in a path, query or header. */
    String plausibleText(ApiOperation.Parameter parameter, String path, Random random) {
        List<String> known = parameter.in().equals("path") ? samples.forPathParameter(path, parameter.name())
                : samples.forName(parameter.name());
        if (!known.isEmpty() && random.nextInt(5) > 0) {
            return known.get(random.nextInt(known.size()));
        }
        JsonNode value = plausible(parameter.schema(), "", "", random);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private ObjectNode object(ObjectNode schema, String scope, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String property = names.next();
            if (required.contains(property) || random.nextInt(3) > 0) {
                object.set(property, plausible(schema.path("properties").path(property), property, scope, random,
                        depth + 1));
            }
        }
        return object;
    }

    private ArrayNode array(ObjectNode schema, String name, String scope, Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        int count = Math.max(schema.path("minItems").asInt(0), random.nextInt(3));
        count = Math.min(count, schema.path("maxItems").asInt(Integer.MAX_VALUE));
        String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        for (int i = 0; i < count; i++) {
            array.add(plausible(schema.path("items"), itemName, scope, random, depth + 1));
        }
        return array;
    }

    private static long integer(ObjectNode schema, Random random) {
        long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : minimum + 10;
        return minimum + (long) (random.nextDouble() * Math.min(maximum - minimum, 1000));
    }

    private static String text(ObjectNode schema, Random random) {
        String text = switch (schema.path("format").asText()) {
            case "date" -> "2026-09-" + (10 + random.nextInt(18));
            case "date-time" -> "2026-09-01T08:30:00Z";
            case "email" -> "someone" + random.nextInt(1000) + "@riverbend.k12.example";
            case "uri" -> "https://example.org/resources/" + random.nextInt(1000);
            default -> "plausible text " + random.nextInt(1000);
        };
        int minimum = schema.path("minLength").asInt(0);
        int maximum = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (text.length() < minimum) {
            text = text + text;
        }
        return text.length() > maximum ? text.substring(0, maximum) : text;
    }

    private static List<JsonNode> examples(JsonNode schema) {
        List<JsonNode> examples = new ArrayList<>();
        if (schema.has("example")) {
            examples.add(schema.get("example"));
        }
        schema.path("examples").forEach(examples::add);
        if (schema.has("default")) {
            examples.add(schema.get("default"));
        }
        return examples;
    }
}
