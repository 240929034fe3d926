package org.microcred.review.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the rubric (and the evidence requirements' titles) of a published micro-credential
 * version from the catalog table. Published versions never change, so each is read once per
 * container.
 */
public class RubricStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Map<String, Optional<Rubric>> cache = new ConcurrentHashMap<>();

    public RubricStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The rubric of one published version; empty if the version is missing. */
    public Optional<Rubric> rubric(String microCredentialId, int version) {
        String versionKey = String.format("V#%06d", version);
        return cache.computeIfAbsent(microCredentialId + "/" + versionKey, key -> {
            var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("pk", AttributeValue.fromS("MC#"
                    + microCredentialId), "sk", AttributeValue.fromS(versionKey)))).item();
            return item == null || !item.containsKey("document") ? Optional.empty()
                    : Optional.of(parse(item.get("document").s()));
        });
    }

    static Rubric parse(String document) {
        try {
            JsonNode root = Json.MAPPER.readTree(document);
            List<RubricCriterion> criteria = new ArrayList<>();
            for (JsonNode node : root.path("rubric")) {
                List<RubricLevel> levels = new ArrayList<>();
                node.path("levels").forEach(level -> levels.add(new RubricLevel(level.path("id").asText(),
                        level.path("name").asText(), level.path("description").asText(""),
                        level.path("passing").asBoolean(false))));
                criteria.add(new RubricCriterion(node.path("id").asText(), node.path("criterion").asText(),
                        node.path("description").asText(""), levels));
            }
            String competency = root.hasNonNull("competency") ? root.path("competency").asText()
                    : root.path("competencies").path(0).asText("");
            Map<String, String> requirementTitles = new HashMap<>();
            for (JsonNode node : root.path("evidenceRequirements")) {
                if (node.hasNonNull("id") && node.hasNonNull("title")) {
                    requirementTitles.put(node.path("id").asText(), node.path("title").asText());
                }
            }
            return new Rubric(root.path("title").asText(""), competency, criteria, requirementTitles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published micro-credential document is not JSON", e);
        }
    }
}
