package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
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

    public static DecisionStore forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new DecisionStore(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    /** An enrolment waiting in a coach's queue, as the index holds it. */
    public record Waiting(String enrollmentId, int attempts, String microCredentialId, String title,
                          String learnerId, String learnerName, String updatedAt) {
    }

    public Optional<Decision> find(String enrollmentId, int attempt) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(LearningKeys.decision(enrollmentId, attempt))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("decision") ? Optional.empty()
                : Optional.of(Json.read(item.get("decision").s(), Decision.class));
    }

    /** The decision as a transaction item: refused if the attempt already has one. */
    public TransactWriteItem item(Decision decision) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.decision(decision.enrollmentId(),
                decision.attempt()));
        item.put("submissionId", s(decision.submissionId()));
        item.put("enrollmentId", s(decision.enrollmentId()));
        item.put("attempt", n(decision.attempt()));
        item.put("outcome", s(decision.outcome().json()));
        item.put("coachId", s(decision.coachId()));
        item.put("decidedAt", s(decision.decidedAt()));
        item.put("timeToFeedbackSeconds", n(decision.timeToFeedbackSeconds()));
        item.put("decision", s(Json.write(decision)));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The coach's enrolments in status {@code submitted}, least recently changed (longest waiting) first. */
    public List<Waiting> submittedFor(String coachId) {
        return Queries.all(dynamoDb, r -> r.tableName(tableName).indexName(LearningKeys.BY_COACH)
                        .keyConditionExpression("coachKey = :coach").filterExpression("#status = :submitted")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":coach", s(LearningKeys.coachKey(coachId)),
                                ":submitted", s(EnrollmentStatus.SUBMITTED.json())))
                        .scanIndexForward(true),
                item -> new Waiting(text(item, "enrollmentId"), (int) number(item, "attempts", 0),
                        text(item, "microCredentialId"), text(item, "title"), text(item, "learnerId"),
                        text(item, "learnerName"), text(item, "updatedAt")));
    }
}
