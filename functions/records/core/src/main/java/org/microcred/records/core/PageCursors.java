package org.microcred.records.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a query's LastEvaluatedKey into an opaque cursor and back. Decoding checks the cursor
 * has exactly the index's key attributes and belongs to the same partition, so a forged or
 * stale cursor is a 400, not a DynamoDB validation error (500) or a peek into another partition
 * (another learner's badges, another organisation's enrolments). Shared so every paged list
 * applies the same check.
 */
public final class PageCursors {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private PageCursors() {
    }

    private static Invalid notIssued() {
        return new Invalid("cursor", "is not a cursor this API issued; start again without it");
    }

    /** Only string key attributes are supported: every table and index key here is a string. */
    public static String encode(Map<String, AttributeValue> lastKey) {
        Map<String, String> plain = new HashMap<>();
        lastKey.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws Invalid (field "cursor") when the cursor was not issued for this very query */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes, String partitionAttribute,
                                                     String partitionValue) {
        Map<String, String> plain;
        try {
            JsonNode json = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            // Base64 of null, a number or an array is valid JSON but no cursor of ours.
            if (json == null || !json.isObject()) {
                throw notIssued();
            }
            plain = Json.mapper().convertValue(json, STRINGS);
        } catch (IllegalArgumentException | IOException e) {
            throw notIssued();
        }
        if (!plain.keySet().equals(keyAttributes) || !partitionValue.equals(plain.get(partitionAttribute))) {
            throw new Invalid("cursor", "belongs to a different list; start again without it");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
