package org.microcred.evidence.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.evidence.model.EvidenceRequirement;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads (never writes) the catalog table: the evidence requirements of the published version an
 * enrolment is in. Published versions never change, so the result is cached per version.
 */
public class RequirementStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Map<String, List<EvidenceRequirement>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public RequirementStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The requirements of one published version, in the author's order; empty if the version is missing. */
    public List<EvidenceRequirement> requirements(String microCredentialId, int version) {
        String versionKey = String.format("V#%06d", version);
        return cache.computeIfAbsent(microCredentialId + "/" + versionKey, key -> {
            var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("pk", AttributeValue.fromS("MC#"
                    + microCredentialId), "sk", AttributeValue.fromS(versionKey)))).item();
            return item == null || item.isEmpty() || !item.containsKey("document") ? List.of()
                    : parse(item.get("document").s());
        });
    }

    static List<EvidenceRequirement> parse(String document) {
        List<EvidenceRequirement> requirements = new ArrayList<>();
        try {
            for (JsonNode node : Json.MAPPER.readTree(document).path("evidenceRequirements")) {
                requirements.add(new EvidenceRequirement(node.path("id").asText(), node.path("title").asText(),
                        texts(node.path("kinds")), texts(node.path("mediaTypes")),
                        node.path("maxSizeBytes").asLong(0), node.path("required").asBoolean(true)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published micro-credential document is not JSON", e);
        }
        return requirements;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
