package org.microcred.records.organizations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The table handle every store of this library shares: the client, the table's name, and the
 * two things every store needs done the same way (conditional failures become
 * {@link RecordConflictException}; filtered queries page without skipping items).
 */
public final class OrganizationsTable {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final DynamoDbClient dynamoDb;
    private final String name;

    public OrganizationsTable(DynamoDbClient dynamoDb, String name) {
        this.dynamoDb = dynamoDb;
        this.name = name;
    }

    /** The table on this environment's DynamoDB client (built once per container). */
    public static OrganizationsTable forEnvironment(FunctionEnvironment environment, String name) {
        return new OrganizationsTable(DynamoDbClients.forEnvironment(environment), name);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public String name() {
        return name;
    }

    /** The item with this key, or null; a key too long to be any item's (ids from a URL) finds none. */
    Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return get(key, true);
    }

    /** As {@link #get(Map)}; {@code consistent} false reads at half the cost what may be a second old. */
    Map<String, AttributeValue> get(Map<String, AttributeValue> key, boolean consistent) {
        if (!storable(key)) {
            return null;
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(name).key(key)
                .consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** Several items by key, strongly consistent (BatchGetItem, at most 100 keys); missing ones are left out. */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        if (keys.size() > 100) {
            throw new IllegalArgumentException("At most 100 keys per BatchGetItem, not " + keys.size());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = keys.isEmpty() ? Map.of()
                : Map.of(name, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(current));
            items.addAll(response.responses().getOrDefault(name, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }

    /**
     * DynamoDB answers a key longer than it stores (partition key 2048 bytes, sort key 1024) with
     * a validation error, not "no item"; such a key cannot name an item, so reads ask no one.
     */
    static boolean storable(Map<String, AttributeValue> key) {
        return utf8Length(key.get(OrganizationKeys.PK)) <= MAX_PARTITION_KEY_BYTES
                && utf8Length(key.get(OrganizationKeys.SK)) <= MAX_SORT_KEY_BYTES;
    }

    private static int utf8Length(AttributeValue value) {
        return value == null || value.s() == null ? 0 : value.s().getBytes(StandardCharsets.UTF_8).length;
    }

    void transact(List<TransactWriteItem> items, String conflictMessage) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            boolean conditionFailed = e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
            if (conditionFailed) {
                throw new RecordConflictException(conflictMessage, e);
            }
            throw e;
        }
    }

    void conditional(Runnable write, String conflictMessage) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            throw new RecordConflictException(conflictMessage, e);
        }
    }

    /**
     * Runs a (possibly filtered) query until {@code limit} items matched or the partition ends.
     * Each round asks DynamoDB to evaluate at most the items still wanted, so the last evaluated
     * key is exactly where the page stops and the next page skips nothing.
     */
    Result query(Consumer<QueryRequest.Builder> request, Map<String, AttributeValue> startKey, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> next = startKey;
        do {
            QueryRequest.Builder builder = QueryRequest.builder().tableName(name).limit(limit - items.size());
            request.accept(builder);
            if (next != null) {
                builder.exclusiveStartKey(next);
            }
            QueryResponse response = dynamoDb.query(builder.build());
            items.addAll(response.items());
            next = Queries.hasNext(response) ? response.lastEvaluatedKey() : null;
        } while (next != null && items.size() < limit);
        return new Result(items, next);
    }

    /** Every item of a query, all pages. */
    List<Map<String, AttributeValue>> queryAll(Consumer<QueryRequest.Builder> request) {
        return Queries.all(dynamoDb, builder -> request.accept(builder.tableName(name)), item -> item);
    }

    record Result(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey) {
    }
}
