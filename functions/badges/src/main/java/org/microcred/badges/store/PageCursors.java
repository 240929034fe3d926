package org.microcred.badges.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a query's LastEvaluatedKey into an opaque cursor and back (as enrolment's list does).
 * Decoding checks the key attributes and the partition, so a forged cursor is a 400 and never
 * a look into another learner's badges.
 */
final class PageCursors {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private PageCursors() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        Map<String, String> plain = new HashMap<>();
        lastKey.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes, String partitionAttribute,
                                              String partitionValue) {
        Map<String, String> plain;
        try {
            plain = Json.MAPPER.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    STRINGS);
        } catch (Exception e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor this API issued; start again without it");
        }
        if (plain == null || !plain.keySet().equals(keyAttributes) || plain.values().stream().anyMatch(v -> v == null)
                || !partitionValue.equals(plain.get(partitionAttribute))) {
            throw ApiProblem.invalidField("cursor", "belongs to a different list; start again without it");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
