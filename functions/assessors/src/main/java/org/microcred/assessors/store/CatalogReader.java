package org.microcred.assessors.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.assessors.model.Rubric;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads micro-credentials from the catalog table: the card for the latest published version,
 * then the immutable version item (owner, title, collection, rubric). Versions are cached per
 * container because they never change.
 */
public class CatalogReader {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Map<String, Optional<Version>> versions = new ConcurrentHashMap<>();

    public CatalogReader(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** A published version: who offers it, its title and collection, and its rubric. */
    public record Version(String microCredentialId, int version, String organizationId, String title, String collection,
                          Rubric rubric) {
    }

    /** The latest published version; empty if the micro-credential was never published. */
    public Optional<Version> latest(String microCredentialId) {
        var card = dynamoDb.getItem(r -> r.tableName(tableName).key(key(microCredentialId, "CARD"))).item();
        if (Items.isEmpty(card) || card.get("version") == null) {
            return Optional.empty();
        }
        // The card's collection is the one enrolment matches coaches by; prefer it to the document's.
        String collection = Items.text(card, "collection");
        return version(microCredentialId, Integer.parseInt(card.get("version").n())).map(v -> collection == null ? v
                : new Version(v.microCredentialId(), v.version(), v.organizationId(), v.title(), collection, v.rubric()));
    }

    public Optional<Version> version(String microCredentialId, int version) {
        String versionKey = String.format("V#%06d", version);
        return versions.computeIfAbsent(microCredentialId + "/" + versionKey, ignored -> {
            var item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(microCredentialId, versionKey))).item();
            if (Items.isEmpty(item) || !item.containsKey("document")) {
                return Optional.empty();
            }
            return Optional.of(parse(microCredentialId, version, Items.text(item, "organizationId"),
                    item.get("document").s()));
        });
    }

    static Version parse(String microCredentialId, int version, String organizationId, String document) {
        try {
            JsonNode root = Json.MAPPER.readTree(document);
            List<Rubric.Criterion> criteria = new ArrayList<>();
            for (JsonNode node : root.path("rubric")) {
                List<Rubric.Level> levels = new ArrayList<>();
                node.path("levels").forEach(level -> levels.add(new Rubric.Level(level.path("id").asText(),
                        level.path("name").asText(), level.path("description").asText(""),
                        level.path("passing").asBoolean(false))));
                criteria.add(new Rubric.Criterion(node.path("id").asText(), node.path("criterion").asText(),
                        node.path("description").asText(""), levels));
            }
            String competency = root.hasNonNull("competency") ? root.path("competency").asText()
                    : root.path("competencies").path(0).asText("");
            String title = root.path("title").asText(microCredentialId);
            String collection = root.hasNonNull("collection") ? root.path("collection").asText() : null;
            return new Version(microCredentialId, version, organizationId, title, collection,
                    new Rubric(title, competency, criteria));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published micro-credential document is not JSON", e);
        }
    }

    private static Map<String, AttributeValue> key(String microCredentialId, String sk) {
        return Map.of("pk", AttributeValue.fromS("MC#" + microCredentialId), "sk", AttributeValue.fromS(sk));
    }
}
