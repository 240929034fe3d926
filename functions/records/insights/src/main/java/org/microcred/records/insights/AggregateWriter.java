package org.microcred.records.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Applies one stream record's deltas exactly once: a single TransactWriteItems holds a marker
 * for the record's event id (put only if absent) together with every counter addition, so a
 * redelivered record is cancelled by its own marker and changes nothing, and a half-applied
 * record cannot exist. Markers expire after three days, well beyond the stream's 24 hours.
 */
public final class AggregateWriter {
    static final Duration MARKER_LIFETIME = Duration.ofDays(3);
    /** DynamoDB's limit on the items of one transaction; one record touches at most about a dozen. */
    private static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public AggregateWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public static AggregateWriter forEnvironment(FunctionEnvironment environment, String table) {
        return new AggregateWriter(DynamoDbClients.forEnvironment(environment), table);
    }

    /**
     * @return true if the deltas were applied now, false if this event had been applied before
     * @throws RuntimeException for anything else (throttling, conflicts): the record must be retried
     */
    public boolean apply(String eventId, Deltas deltas, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(marker(eventId, now)).build());
        for (Deltas.ItemChange change : deltas.updates()) {
            items.add(TransactWriteItem.builder().update(update(change)).build());
        }
        for (Map<String, AttributeValue> item : deltas.puts()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
        }
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalStateException("Event " + eventId + " would touch " + items.size() + " items");
        }
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
            return true;
        } catch (TransactionCanceledException e) {
            if (markerExisted(e)) {
                return false;
            }
            throw e;
        }
    }

    private Put marker(String eventId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(InsightsKeys.PK, AttributeValue.fromS(InsightsKeys.marker(eventId)));
        item.put(InsightsKeys.SK, AttributeValue.fromS("EVENT"));
        item.put(InsightsKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(MARKER_LIFETIME).getEpochSecond())));
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build();
    }

    private Update update(Deltas.ItemChange change) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder add = new StringBuilder();
        int i = 0;
        for (var entry : change.adds().entrySet()) {
            names.put("#a" + i, entry.getKey());
            values.put(":a" + i, AttributeValue.fromN(Long.toString(entry.getValue())));
            add.append(add.isEmpty() ? "ADD " : ", ").append("#a").append(i).append(" :a").append(i);
            i++;
        }
        StringBuilder set = new StringBuilder();
        int j = 0;
        for (var entry : change.labels().entrySet()) {
            names.put("#l" + j, entry.getKey());
            values.put(":l" + j, AttributeValue.fromS(entry.getValue()));
            set.append(set.isEmpty() ? "SET " : ", ").append("#l").append(j).append(" = :l").append(j);
            j++;
        }
        return Update.builder().tableName(table)
                .key(Map.of(InsightsKeys.PK, AttributeValue.fromS(change.pk()),
                        InsightsKeys.SK, AttributeValue.fromS(change.sk())))
                .updateExpression((set + " " + add).trim())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** The marker is the transaction's first item, so its cancellation reason comes first. */
    private static boolean markerExisted(TransactionCanceledException e) {
        return e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code());
    }
}
