package org.microcred.badges.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a badge class describes: the latest published version of a micro-credential, read from
 * CatalogTable (the {@code CARD} names the version, {@code V#n} holds the owner and the document).
 */
public class AchievementStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public AchievementStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** A published micro-credential version: its owner and its document. */
    public record Published(String microCredentialId, String organizationId, int version, JsonNode document) {
    }

    public Optional<Published> latest(String microCredentialId) {
        var card = get(microCredentialId, "CARD");
        if (card == null || card.get("version") == null) {
            return Optional.empty();
        }
        int version = Integer.parseInt(card.get("version").n());
        var item = get(microCredentialId, String.format("V#%06d", version));
        if (item == null || item.get("document") == null || item.get("organizationId") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Published(microCredentialId, item.get("organizationId").s(), version,
                    Json.MAPPER.readTree(item.get("document").s())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Unreadable document of " + microCredentialId, e);
        }
    }

    private Map<String, AttributeValue> get(String microCredentialId, String sk) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS("MC#" + microCredentialId), "sk", AttributeValue.fromS(sk)))).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
