package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Breaks a plausible JSON body in one place: a value of the wrong type, a required field
 * missing, a field the schema does not have, a hostile string or number, a huge array, or a body
 * that is not the JSON object it should be at all.
 */
final class JsonBodyAttacks {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One place in the document: the container holding it (null for the root), its key or index, its schema. */
    private record Location(JsonNode container, String key, int index, JsonNode schema, JsonNode value) {
        void replace(JsonNode root, JsonNode replacement) {
            if (container instanceof ObjectNode object) {
                object.set(key, replacement);
            } else if (container instanceof ArrayNode array) {
                array.set(index, replacement);
            }
        }
    }

    private JsonBodyAttacks() {
    }

    static byte[] wrongType(JsonNode body, JsonNode schema, Random random) {
        Location location = pick(locations(body, schema, random), random, any -> true);
        JsonNode replacement = wrongTypeFor(location.value(), random);
        return location.container() == null ? bytes(replacement) : mutate(body, location, replacement);
    }

    static byte[] missingField(JsonNode body, JsonNode schema, Random random) {
        List<Location> objects = locations(body, schema, random).stream()
                .filter(location -> location.value() instanceof ObjectNode object && !object.isEmpty()).toList();
        if (objects.isEmpty()) {
            return bytes(NODES.objectNode());
        }
        Location location = objects.get(random.nextInt(objects.size()));
        ObjectNode object = (ObjectNode) location.value();
        List<String> required = new ArrayList<>();
        location.schema().path("required").forEach(name -> {
            if (object.has(name.asText())) {
                required.add(name.asText());
            }
        });
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        List<String> candidates = required.isEmpty() ? names : required;
        object.remove(candidates.get(random.nextInt(candidates.size())));
        return bytes(body);
    }

    static byte[] extraField(JsonNode body, JsonNode schema, Random random) {
        List<Location> objects = locations(body, schema, random).stream()
                .filter(location -> location.value() instanceof ObjectNode).toList();
        if (objects.isEmpty()) {
            return bytes(NODES.objectNode().put("unexpected", true));
        }
        ObjectNode object = (ObjectNode) objects.get(random.nextInt(objects.size())).value();
        List<String> names = List.of("unexpected", "__proto__", "constructor", "", " title", "Title", "title\u0000",
                "$where", "id", "status", "organizationId", "revision");
        object.set(names.get(random.nextInt(names.size())), wrongTypeFor(NODES.nullNode(), random));
        return bytes(body);
    }

    static byte[] hostileString(JsonNode body, JsonNode schema, Random random) {
        Location location = pick(locations(body, schema, random), random, value -> value.isTextual());
        JsonNode replacement = NODES.textNode(HostileValues.any(random));
        return location.container() == null ? bytes(replacement) : mutate(body, location, replacement);
    }

    static byte[] hostileNumber(JsonNode body, JsonNode schema, Random random) {
        Location location = pick(locations(body, schema, random), random, JsonNode::isNumber);
        List<JsonNode> numbers = List.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(1.5),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("9223372036854775808")),
                NODES.numberNode(new BigInteger("-99999999999999999999999")), NODES.numberNode(1e308),
                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("1e-400")),
                NODES.numberNode(-0.0), NODES.numberNode(Integer.MAX_VALUE + 1L),
                NODES.numberNode(location.schema().path("maximum").asLong(1000) + 1),
                NODES.numberNode(location.schema().path("minimum").asLong(0) - 1));
        JsonNode replacement = numbers.get(random.nextInt(numbers.size()));
        return location.container() == null ? bytes(replacement) : mutate(body, location, replacement);
    }

    static byte[] hugeArray(JsonNode body, JsonNode schema, Random random) {
        Location location = pick(locations(body, schema, random), random, JsonNode::isArray);
        ArrayNode huge = NODES.arrayNode();
        JsonNode item = location.value().isArray() && !location.value().isEmpty() ? location.value().get(0)
                : NODES.textNode("item");
        int count = random.nextBoolean() ? location.schema().path("maxItems").asInt(50) + 1 : 5_000;
        for (int i = 0; i < count; i++) {
            huge.add(random.nextInt(10) == 0 ? NODES.nullNode() : item.deepCopy());
        }
        return location.container() == null ? bytes(huge) : mutate(body, location, huge);
    }

    /** A body that is not a JSON object of the right shape at all. */
    static byte[] malformed(JsonNode body, Random random) {
        String valid = body.toString();
        List<String> bodies = List.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "}",
                "{\"a\":}", valid + "garbage", valid + valid, duplicateFirstKey(body), "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "\ufeff" + valid, "{'single':'quotes'}",
                "/* comment */" + valid, "NaN", "{\"text\":\"\\ud800\"}", "{\"text\":\"\\u0000\"}",
                "{\"a\":1,}", "{\"a\" 1}", "{\"" + "k".repeat(100_000) + "\":1}", " ".repeat(300_000) + valid);
        int choice = random.nextInt(bodies.size() + 1);
        if (choice == bodies.size()) {
            // Invalid UTF-8: a lone lead byte inside a string.
            byte[] prefix = "{\"title\":\"caf".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[prefix.length + 3];
            System.arraycopy(prefix, 0, bytes, 0, prefix.length);
            bytes[prefix.length] = (byte) 0xC3;
            bytes[prefix.length + 1] = (byte) '"';
            bytes[prefix.length + 2] = (byte) '}';
            return bytes;
        }
        String chosen = bodies.get(choice);
        return chosen.getBytes(StandardCharsets.UTF_8);
    }

    private static String duplicateFirstKey(JsonNode body) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String first = object.fieldNames().next();
        return "{\"" + first + "\":" + object.get(first) + "," + body.toString().substring(1);
    }

    private static JsonNode wrongTypeFor(JsonNode value, Random random) {
        List<JsonNode> candidates = new ArrayList<>(List.of(NODES.numberNode(5), NODES.booleanNode(true),
                NODES.textNode("5"), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(), NODES.numberNode(1.5),
                NODES.arrayNode().add("x"), NODES.objectNode().put("nested", "x")));
        candidates.removeIf(candidate -> candidate.getNodeType() == value.getNodeType());
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static Location pick(List<Location> locations, Random random, Predicate<JsonNode> preferred) {
        List<Location> matching = locations.stream().filter(location -> preferred.test(location.value())).toList();
        List<Location> from = matching.isEmpty() ? locations : matching;
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] mutate(JsonNode root, Location location, JsonNode replacement) {
        location.replace(root, replacement);
        return bytes(root);
    }

    private static List<Location> locations(JsonNode body, JsonNode schema, Random random) {
        List<Location> locations = new ArrayList<>();
        walk(null, "", -1, body, schema, random, locations);
        return locations;
    }

    private static void walk(JsonNode container, String key, int index, JsonNode value, JsonNode rawSchema,
                             Random random, List<Location> locations) {
        JsonNode schema = SchemaValues.effective(rawSchema, random);
        locations.add(new Location(container, key, index, schema, value));
        if (value instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> walk(object, field.getKey(), -1, field.getValue(),
                    schema.path("properties").path(field.getKey()), random, locations));
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array, "", i, array.get(i), schema.path("items"), random, locations);
            }
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
