package org.microcred.records.catalog;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The catalog as the other functions read it (never write it): search cards, which name each
 * micro-credential's latest published version, and the published versions themselves, read as
 * typed {@link PublishedMicroCredential}s. Published versions never change, so each one found is
 * kept for the life of the container.
 */
public class PublishedCatalog {
    private static final int MAX_CACHED_VERSIONS = 1_000;
    private static final int BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Map<String, PublishedMicroCredential> versions = new ConcurrentHashMap<>();

    public PublishedCatalog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The catalog on this environment's DynamoDB client (built once per container). */
    public static PublishedCatalog forEnvironment(FunctionEnvironment environment, String tableName) {
        return new PublishedCatalog(DynamoDbClients.forEnvironment(environment), tableName);
    }

    /** The micro-credential's search card (eventually consistent); empty if it was never published. */
    public Optional<SearchCard> card(String microCredentialId) {
        return Optional.ofNullable(get(CatalogKeys.card(microCredentialId), false)).map(CatalogItems::cardFrom);
    }

    /**
     * The search card as it is this moment (strongly consistent): what enrolment checks, so a
     * micro-credential retired a second ago takes no more enrolments.
     */
    public Optional<SearchCard> currentCard(String microCredentialId) {
        return Optional.ofNullable(get(CatalogKeys.card(microCredentialId), true)).map(CatalogItems::cardFrom);
    }

    /** One published version (cached once found); empty if there is no such version. */
    public Optional<PublishedMicroCredential> version(String microCredentialId, int version) {
        String cacheKey = microCredentialId + "/" + version;
        PublishedMicroCredential cached = versions.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PublishedMicroCredential> found = read(microCredentialId, version, false);
        found.ifPresent(published -> {
            if (versions.size() >= MAX_CACHED_VERSIONS) {
                versions.clear();
            }
            versions.put(cacheKey, published);
        });
        return found;
    }

    /** One published version read strongly consistent, right after its card named it (not cached). */
    public Optional<PublishedMicroCredential> currentVersion(String microCredentialId, int version) {
        return read(microCredentialId, version, true);
    }

    /** The latest published version, as the card names it; empty if the micro-credential was never published. */
    public Optional<PublishedMicroCredential> latest(String microCredentialId) {
        return card(microCredentialId).flatMap(card -> version(microCredentialId, card.version()));
    }

    /** The cards of these micro-credentials (BatchGetItem, eventually consistent); missing ones are absent. */
    public Map<String, SearchCard> cards(Collection<String> microCredentialIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(microCredentialIds));
        Map<String, SearchCard> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder()
                    .keys(ids.subList(from, Math.min(ids.size(), from + BATCH)).stream().map(CatalogKeys::card).toList())
                    .build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(current));
                response.responses().getOrDefault(tableName, List.of()).stream().map(CatalogItems::cardFrom)
                        .forEach(card -> found.put(card.id(), card));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** Every micro-credential the organisation authors that is in {@code status} now (index ByAuthor, every page). */
    public List<AuthoredEntry> authoredBy(String organizationId, CatalogStatus status) {
        return new ArrayList<>(Queries.all(dynamoDb, q -> q.tableName(tableName).indexName(CatalogKeys.BY_AUTHOR)
                .keyConditionExpression(CatalogKeys.AUTHOR_ORGANIZATION_ID + " = :org")
                .filterExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":org", s(organizationId), ":status", s(status.json()))),
                CatalogItems::authoredEntryFrom));
    }

    /** The organisation that owns the micro-credential (its draft says); empty if there is no such micro-credential. */
    public Optional<String> ownerOf(String microCredentialId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(CatalogKeys.draft(microCredentialId)).projectionExpression("organizationId")).item();
        return Optional.ofNullable(item == null ? null : text(item, "organizationId"));
    }

    private Optional<PublishedMicroCredential> read(String microCredentialId, int version, boolean consistent) {
        Map<String, AttributeValue> item = get(CatalogKeys.version(microCredentialId, version), consistent);
        return item == null || !item.containsKey("document") ? Optional.empty()
                : Optional.of(CatalogItems.versionFrom(microCredentialId, version, item));
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName).key(key)
                .consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
