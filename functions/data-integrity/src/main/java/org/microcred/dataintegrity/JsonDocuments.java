package org.microcred.dataintegrity;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * JSON text read with JSON-P, the parser the proofs are made with: the one way the badge
 * functions turn a stored document, decision or key into a {@link JsonObject}.
 */
public final class JsonDocuments {
    private JsonDocuments() {
    }

    /**
     * The object the text holds, or empty when it is JSON but not an object.
     *
     * @throws JsonException when the text is not JSON
     */
    public static Optional<JsonObject> object(String json) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        }
    }
}
