package org.microcred.review.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.review.model.Decision;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Decisions in the learning table ({@code ENR#<id> / ATTEMPT#000n#DECISION}, written once) and
 * the coach's queue read from the {@code ByCoach} index.
 */
public class DecisionStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DecisionStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** An enrolment waiting in a coach's queue, as the index holds it. */
    public record Waiting(String enrollmentId, int attempts, String microCredentialId, String title,
                          String learnerId, String learnerName, String updatedAt) {
    }

    public Optional<Decision> find(String enrollmentId, int attempt) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(enrollmentId, attempt)).consistentRead(true))
                .item();
        return item == null || !item.containsKey("decision") ? Optional.empty()
                : Optional.of(Json.read(item.get("decision").s(), Decision.class));
    }

    /** The decision as a transaction item: refused if the attempt already has one. */
    public TransactWriteItem item(Decision decision) {
        Map<String, AttributeValue> item = new HashMap<>(key(decision.enrollmentId(), decision.attempt()));
        item.put("submissionId", AttributeValue.fromS(decision.submissionId()));
        item.put("enrollmentId", AttributeValue.fromS(decision.enrollmentId()));
        item.put("attempt", AttributeValue.fromN(Integer.toString(decision.attempt())));
        item.put("outcome", AttributeValue.fromS(decision.outcome()));
        item.put("coachId", AttributeValue.fromS(decision.coachId()));
        item.put("decidedAt", AttributeValue.fromS(decision.decidedAt()));
        item.put("timeToFeedbackSeconds", AttributeValue.fromN(Long.toString(decision.timeToFeedbackSeconds())));
        item.put("decision", AttributeValue.fromS(Json.write(decision)));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The coach's enrolments in status {@code submitted}, least recently changed (longest waiting) first. */
    public List<Waiting> submittedFor(String coachId) {
        List<Waiting> waiting = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName).indexName("ByCoach")
                    .keyConditionExpression("coachKey = :coach").filterExpression("#status = :submitted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":coach", AttributeValue.fromS("COACH#" + coachId),
                            ":submitted", AttributeValue.fromS("submitted")))
                    .scanIndexForward(true).exclusiveStartKey(from));
            page.items().forEach(item -> waiting.add(new Waiting(text(item, "enrollmentId"),
                    Integer.parseInt(item.getOrDefault("attempts", AttributeValue.fromN("0")).n()),
                    text(item, "microCredentialId"), text(item, "title"), text(item, "learnerId"), text(item, "learnerName"),
                    text(item, "updatedAt"))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return waiting;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, AttributeValue> key(String enrollmentId, int attempt) {
        return Map.of("pk", AttributeValue.fromS("ENR#" + enrollmentId),
                "sk", AttributeValue.fromS(String.format("ATTEMPT#%04d#DECISION", attempt)));
    }
}
