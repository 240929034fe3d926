package org.microcred.records.catalog;

import static org.microcred.records.catalog.CatalogItems.REVISION;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Page;
import org.microcred.records.core.PageCursors;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The CatalogTable as the catalog function authors and lists it: drafts, published versions
 * and search cards (other functions read through {@link PublishedCatalog}). Every state change is conditional on the draft's revision, so two admins
 * (or a retried request) can never overwrite each other or publish the same version twice.
 */
public class CatalogStore {
    private static final String SAME_REVISION = "#revision = :expected";
    private static final Set<String> AUTHOR_CURSOR_KEYS = Set.of(CatalogKeys.PK, CatalogKeys.SK,
            CatalogKeys.AUTHOR_ORGANIZATION_ID, CatalogKeys.UPDATED_AT);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public CatalogStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The store on this environment's DynamoDB client (built once per container). */
    public static CatalogStore forEnvironment(FunctionEnvironment environment, String tableName) {
        return new CatalogStore(DynamoDbClients.forEnvironment(environment), tableName);
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
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(CatalogKeys.draft(id)).consistentRead(true)).item();
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
                .key(CatalogKeys.version(id, version))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(CatalogItems.versionFrom(id, version, item));
    }

    /**
     * Search cards changed after the given time, oldest change first, from the sparse ByChange
     * index (a Query on one partition, never a Scan).
     */
    public List<SearchCard> cardsChangedAfter(long changedAfterMillis) {
        return Queries.all(dynamoDb, request -> request.tableName(tableName).indexName(CatalogKeys.BY_CHANGE)
                .keyConditionExpression(CatalogKeys.FEED + " = :feed AND " + CatalogKeys.CHANGED_AT + " > :after")
                .expressionAttributeValues(Map.of(":feed", s(CatalogKeys.CATALOG_FEED), ":after", n(changedAfterMillis))),
                CatalogItems::cardFrom);
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
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(CatalogKeys.BY_AUTHOR)
                .keyConditionExpression(CatalogKeys.AUTHOR_ORGANIZATION_ID + " = :org")
                .scanIndexForward(false).limit(limit);
        status.ifPresent(wanted -> {
            values.put(":status", s(wanted.json()));
            request.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
        });
        request.expressionAttributeValues(values);
        cursor.ifPresent(raw -> request.exclusiveStartKey(PageCursors.decode(raw, AUTHOR_CURSOR_KEYS,
                CatalogKeys.AUTHOR_ORGANIZATION_ID, organizationId)));
        QueryResponse response = dynamoDb.query(request.build());
        String next = Queries.hasNext(response) ? PageCursors.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(response.items().stream().map(CatalogItems::authoredEntryFrom).toList(),
                Optional.ofNullable(next));
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
