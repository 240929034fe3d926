package org.microcred.insights.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.insights.Lookups;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Read-only access to the learning table: an enrolment's owner, and the reviews waiting too long. */
public final class LearningLookup {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** A submission still waiting for its decision. */
    public record WaitingReview(String microCredentialId, String coachId) {
    }

    public LearningLookup(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<Lookups.EnrollmentRef> enrollment(String enrollmentId) {
        var item = dynamoDb.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("ENR#" + enrollmentId), "sk", AttributeValue.fromS("ENROLLMENT")))
                .projectionExpression("organizationId, microCredentialId").build()).item();
        if (item == null || !item.containsKey("organizationId") || !item.containsKey("microCredentialId")) {
            return Optional.empty();
        }
        return Optional.of(new Lookups.EnrollmentRef(item.get("organizationId").s(), item.get("microCredentialId").s()));
    }

    /**
     * The organisation's submissions waiting since before {@code cutoff} (ISO-8601 UTC). While an
     * enrolment is {@code submitted} its {@code updatedAt} is the submission time, and it is the
     * sort key of {@code ByOrganizationStatus}, so only the overdue ones are read.
     */
    public List<WaitingReview> waitingSince(String organizationId, String cutoff) {
        List<WaitingReview> waiting = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table).indexName("ByOrganizationStatus")
                    .keyConditionExpression("orgStatusKey = :k AND updatedAt < :cutoff")
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(organizationId + "#submitted"),
                            ":cutoff", AttributeValue.fromS(cutoff)))
                    .projectionExpression("microCredentialId, coachId")
                    .exclusiveStartKey(start).build());
            for (var item : page.items()) {
                waiting.add(new WaitingReview(text(item, "microCredentialId"), text(item, "coachId")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return waiting;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
