package org.microcred.assessors.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** An educator's badges for one micro-credential (BadgesTable index ByLearner; read only). */
public class BadgeLookup {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public BadgeLookup(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** A badge as far as eligibility to assess is concerned. */
    public record Held(String badgeId, String organizationId, String status) {
        public boolean isActive() {
            return "active".equals(status);
        }
    }

    public List<Held> badges(String learnerId, String microCredentialId) {
        List<Held> held = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName).indexName("ByLearner")
                    .keyConditionExpression("learnerKey = :learner")
                    .filterExpression("microCredentialId = :mc")
                    .expressionAttributeValues(Map.of(":learner", AttributeValue.fromS("LEARNER#" + learnerId),
                            ":mc", AttributeValue.fromS(microCredentialId)))
                    .projectionExpression("badgeId, organizationId, #status")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> held.add(new Held(Items.text(item, "badgeId"),
                    Items.text(item, "organizationId"), Items.text(item, "status"))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return held;
    }
}
