package org.microcred.records.learning;

import org.microcred.records.core.DynamoDbClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one writer of outbox emails. Every email is put only if absent ({@code attribute_not_exists(pk)}),
 * so a retried change can never queue the same message id twice: either inside the transaction of
 * the change it announces ({@link #transactItem}, also for transactions of other tables, e.g. a
 * badge's issuance) or alone ({@link #queue}, e.g. the daily reminders).
 */
public class OutboxWriter {
    private static final String NEW = "attribute_not_exists(pk)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OutboxWriter(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The writer of the LearningTable as the function reaches it. */
    public static OutboxWriter forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new OutboxWriter(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    /** The email as an item of a transaction: the transaction is cancelled if the message id was queued before. */
    public TransactWriteItem transactItem(OutboxEmail email) {
        return transactItem(tableName, email);
    }

    /** The same, for a caller that holds only the table's name (another table's store composing the transaction). */
    public static TransactWriteItem transactItem(String learningTable, OutboxEmail email) {
        return TransactWriteItem.builder().put(put(learningTable, email)).build();
    }

    /**
     * Queues the email on its own.
     *
     * @return false if an email with this message id was queued before (nothing is written)
     */
    public boolean queue(OutboxEmail email) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(OutboxItems.emailItem(email)).conditionExpression(NEW));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Put put(String table, OutboxEmail email) {
        return Put.builder().tableName(table).item(OutboxItems.emailItem(email)).conditionExpression(NEW).build();
    }
}
