package org.microcred.enrollment.store;

import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.enrollment.model.Offering;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the catalog table (read-only, as the template's policy allows): the micro-credential's
 * search card names the latest published version and its status; that version's document
 * names the evidence requirements.
 */
public class OfferingStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OfferingStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The micro-credential as offered now, or empty if it was never published. */
    public Optional<Offering> find(String microCredentialId) {
        Map<String, AttributeValue> card = get(microCredentialId, "CARD");
        if (card == null) {
            return Optional.empty();
        }
        int version = (int) number(card, "version", 1);
        Map<String, AttributeValue> versionItem = get(microCredentialId, String.format("V#%06d", version));
        return Optional.of(new Offering(microCredentialId, version, text(card, "title"), text(card, "collection"),
                text(card, "organizationId"), "retired".equals(text(card, "status")),
                versionItem == null ? List.of() : evidenceTitles(versionItem)));
    }

    private Map<String, AttributeValue> get(String id, String sortKey) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("pk", s("MC#" + id), "sk", s(sortKey))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static List<String> evidenceTitles(Map<String, AttributeValue> versionItem) {
        List<String> titles = new ArrayList<>();
        try {
            JsonNode document = Json.MAPPER.readTree(text(versionItem, "document"));
            document.path("evidenceRequirements").forEach(requirement -> {
                if (requirement.path("title").isTextual()) {
                    titles.add(requirement.path("title").asText());
                }
            });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("The published document of " + text(versionItem, "pk") + " is not JSON", e);
        }
        return titles;
    }
}
