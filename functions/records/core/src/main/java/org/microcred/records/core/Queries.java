package org.microcred.records.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The paging loop every "read the whole item collection" needs, written once: DynamoDB returns
 * at most 1 MB per call, so a query that stops at the first page silently drops items.
 */
public final class Queries {
    private Queries() {
    }

    /** Every item the query matches, across all its pages, mapped by {@code mapper}. */
    public static <T> List<T> all(DynamoDbClient dynamoDb, Consumer<QueryRequest.Builder> query,
                                  Function<Map<String, AttributeValue>, T> mapper) {
        List<T> results = new ArrayList<>();
        forEachItem(dynamoDb, query, item -> results.add(mapper.apply(item)));
        return results;
    }

    /** Calls {@code action} on every item the query matches, across all its pages. */
    public static void forEachItem(DynamoDbClient dynamoDb, Consumer<QueryRequest.Builder> query,
                                   Consumer<Map<String, AttributeValue>> action) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(request -> {
                query.accept(request);
                if (from != null) {
                    request.exclusiveStartKey(from);
                }
            });
            page.items().forEach(action);
            start = hasNext(page) ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** Whether DynamoDB stopped before the end of the matching items. */
    public static boolean hasNext(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    }
}
