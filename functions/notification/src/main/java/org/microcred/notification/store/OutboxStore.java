package org.microcred.notification.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.microcred.notification.model.OutboxEmail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The outbox items of one table. Reads are strongly consistent and the marks are conditional,
 * because the marks are what make sending exactly-once: a replayed stream record finds
 * {@code sentAt} and sends nothing, and a mark never resurrects an item deleted meanwhile.
 */
public class OutboxStore {
    private static final String STILL_PENDING = "attribute_exists(#pk) AND attribute_not_exists(#sentAt)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OutboxStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The outbox email as it is now, or empty if the item no longer exists. */
    public Optional<OutboxEmail> find(String messageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(OutboxItems.key(messageId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.email(messageId, item));
    }

    /**
     * Records that SES accepted the email.
     *
     * @return false if the item was already marked sent (another delivery won the race) or is gone
     */
    public boolean markSent(String messageId, String sesMessageId, Instant at) {
        return update(messageId, "SET #sentAt = :at, #sesMessageId = :sesMessageId", STILL_PENDING,
                Map.of("#pk", OutboxItems.PK, "#sentAt", OutboxItems.SENT_AT, "#sesMessageId", OutboxItems.SES_MESSAGE_ID),
                Map.of(":at", AttributeValue.fromS(at.toString()), ":sesMessageId", AttributeValue.fromS(sesMessageId)));
    }

    /**
     * Records that the email will never be sent, and why; replays of its stream record then skip it.
     *
     * @return false if it was sent or marked failed meanwhile, or is gone
     */
    public boolean markFailed(String messageId, String reason, Instant at) {
        return update(messageId, "SET #failedAt = :at, #failure = :reason",
                STILL_PENDING + " AND attribute_not_exists(#failedAt)",
                Map.of("#pk", OutboxItems.PK, "#sentAt", OutboxItems.SENT_AT, "#failedAt", OutboxItems.FAILED_AT,
                        "#failure", OutboxItems.FAILURE),
                Map.of(":at", AttributeValue.fromS(at.toString()), ":reason", AttributeValue.fromS(reason)));
    }

    private boolean update(String messageId, String update, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(OutboxItems.key(messageId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
