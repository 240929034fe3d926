package org.microcred.records.learning;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The outbox as the notification function sees it. Reads are strongly consistent and the marks
 * are conditional, because the marks are what make sending exactly-once: a replayed stream record
 * finds the email's status item and sends nothing. The status is its own small item, put only if
 * absent, so the first mark wins and a mark costs one write unit rather than a rewrite of the
 * email. Emails are never deleted, so a mark always belongs to an email that exists.
 */
public class OutboxStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OutboxStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public static OutboxStore forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new OutboxStore(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    /** The outbox email as it is now, with its status, or empty if it does not exist. */
    public Optional<QueuedEmail> find(String messageId) {
        Map<String, AttributeValue> email = null;
        Map<String, AttributeValue> status = null;
        QueryResponse items = dynamoDb.query(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", LearningKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(LearningKeys.outboxPartition(messageId)))));
        for (Map<String, AttributeValue> item : items.items()) {
            String sk = item.get(LearningKeys.SK).s();
            if (LearningKeys.EMAIL.equals(sk)) {
                email = item;
            } else if (LearningKeys.EMAIL_STATUS.equals(sk)) {
                status = item;
            }
        }
        return email == null ? Optional.empty() : Optional.of(OutboxItems.queuedEmail(messageId, email, status));
    }

    /**
     * Records that SES accepted the email.
     *
     * @return false if the email was already marked sent or failed (another delivery won the race)
     */
    public boolean markSent(String messageId, String sesMessageId, Instant at) {
        return mark(messageId, Map.of(OutboxItems.SENT_AT, AttributeValue.fromS(at.toString()),
                OutboxItems.SES_MESSAGE_ID, AttributeValue.fromS(sesMessageId)));
    }

    /**
     * Records that the email will never be sent, and why; replays of its stream record then skip it.
     *
     * @return false if it was sent or marked failed meanwhile
     */
    public boolean markFailed(String messageId, String reason, Instant at) {
        return mark(messageId, Map.of(OutboxItems.FAILED_AT, AttributeValue.fromS(at.toString()),
                OutboxItems.FAILURE, AttributeValue.fromS(reason)));
    }

    private boolean mark(String messageId, Map<String, AttributeValue> outcome) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.outboxStatus(messageId));
        item.putAll(outcome);
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", LearningKeys.PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
