package org.microcred.catalog.store;

import static org.microcred.catalog.store.CatalogItems.CATALOG_FEED;
import static org.microcred.catalog.store.CatalogItems.DRAFT;
import static org.microcred.catalog.store.CatalogItems.REVISION;
import static org.microcred.catalog.store.CatalogItems.n;
import static org.microcred.catalog.store.CatalogItems.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.catalog.model.AuthoredEntry;
import org.microcred.catalog.model.CatalogStatus;
import org.microcred.catalog.model.MicroCredential;
import org.microcred.catalog.model.PublishedMicroCredential;
import org.microcred.catalog.model.SearchCard;
import org.microcred.records.core.PageCursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The catalog table. Every state change is conditional on the draft's revision, so two admins
 * (or a retried request) can never overwrite each other or publish the same version twice.
 */
public class CatalogStore {
    private static final String SAME_REVISION = "#revision = :expected";
    private static final Set<String> AUTHOR_CURSOR_KEYS = Set.of(CatalogItems.PK, CatalogItems.SK,
            CatalogItems.AUTHOR_ORGANIZATION_ID, CatalogItems.UPDATED_AT);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public CatalogStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * Stores a new draft.
     *
     * @throws ConcurrentChangeException if a micro-credential with this id already exists
     */
    public void create(MicroCredential draft) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(CatalogItems.draftItem(draft))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("Micro-credential " + draft.id() + " already exists", e);
        }
    }

    /** The draft and its counters, read strongly consistent because every write starts from it. */
    public Optional<MicroCredential> findDraft(String id) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(CatalogItems.key(id, DRAFT)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.draftFrom(item));
    }

    /**
     * Replaces the draft if nobody changed it since {@code expectedRevision}.
     *
     * @throws ConcurrentChangeException when the stored revision differs
     */
    public void saveDraft(MicroCredential updated, long expectedRevision) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(CatalogItems.draftItem(updated))
                    .conditionExpression(SAME_REVISION)
                    .expressionAttributeNames(Map.of("#revision", REVISION))
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("Micro-credential " + updated.id() + " changed meanwhile", e);
        }
    }

    /**
     * Atomically writes the new immutable version, advances the draft and replaces the search
     * card. The version item's own condition makes a duplicate version impossible even if the
     * revision check were bypassed.
     */
    public void publish(MicroCredential updated, long expectedRevision, PublishedMicroCredential version,
                        SearchCard card) {
        transact(updated, expectedRevision, List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(CatalogItems.versionItem(version))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                cardPut(card)));
    }

    /** Atomically marks the draft retired and takes the card off the listing. */
    public void retire(MicroCredential updated, long expectedRevision, SearchCard card) {
        transact(updated, expectedRevision, List.of(cardPut(card)));
    }

    public Optional<PublishedMicroCredential> findVersion(String id, int version) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(CatalogItems.key(id, CatalogItems.versionKey(version)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.versionFrom(item));
    }

    /**
     * Search cards changed after the given time, oldest change first, from the sparse ByChange
     * index (a Query on one partition, never a Scan).
     */
    public List<SearchCard> cardsChangedAfter(long changedAfterMillis) {
        List<SearchCard> cards = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName("ByChange")
                    .keyConditionExpression("feed = :feed AND changedAt > :after")
                    .expressionAttributeValues(Map.of(":feed", s(CATALOG_FEED), ":after", n(changedAfterMillis)));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamoDb.query(request.build());
            response.items().forEach(item -> cards.add(CatalogItems.cardFrom(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return cards;
    }

    /**
     * One page of an organisation's micro-credentials from the sparse ByAuthor index, most
     * recently edited first, optionally only those in {@code status}. The cursor is the index's
     * LastEvaluatedKey, checked to belong to this organisation.
     */
    public Page<AuthoredEntry> authoredBy(String organizationId, Optional<CatalogStatus> status,
                                          Optional<String> cursor, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":org", s(organizationId));
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(CatalogItems.BY_AUTHOR)
                .keyConditionExpression(CatalogItems.AUTHOR_ORGANIZATION_ID + " = :org")
                .scanIndexForward(false).limit(limit);
        status.ifPresent(wanted -> {
            values.put(":status", s(wanted.json()));
            request.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
        });
        request.expressionAttributeValues(values);
        cursor.ifPresent(raw -> request.exclusiveStartKey(PageCursors.decode(raw, AUTHOR_CURSOR_KEYS,
                CatalogItems.AUTHOR_ORGANIZATION_ID, organizationId)));
        QueryResponse response = dynamoDb.query(request.build());
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? PageCursors.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(response.items().stream().map(CatalogItems::authoredEntryFrom).toList(),
                Optional.ofNullable(next));
    }

    /** A page of results and the cursor of the next one. */
    public record Page<T>(List<T> items, Optional<String> nextCursor) {
    }

    private TransactWriteItem cardPut(SearchCard card) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(tableName).item(CatalogItems.cardItem(card)).build()).build();
    }

    private void transact(MicroCredential updated, long expectedRevision, List<TransactWriteItem> others) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(CatalogItems.draftItem(updated))
                .conditionExpression(SAME_REVISION)
                .expressionAttributeNames(Map.of("#revision", REVISION))
                .expressionAttributeValues(Map.of(":expected", n(expectedRevision))).build()).build());
        items.addAll(others);
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("Micro-credential " + updated.id() + " changed meanwhile", e);
        }
    }

}
