package org.microcred.insights.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads what reports and credits need from the catalog, cached for the life of a warm function:
 * a published version's credit hours forever (versions never change), a micro-credential's
 * card (title, collection, credit hours) for a few minutes, so a collection renamed by an
 * author shows in reports soon without a catalog read per report. An organisation's offerings
 * (index ByAuthor) are read for every report, so one published a minute ago has its row.
 */
public final class CatalogLookup {
    static final Duration CARD_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_CACHED = 20_000;
    private static final int BATCH = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Map<String, Optional<Double>> versionHours = new ConcurrentHashMap<>();
    private final Map<String, CachedCard> cards = new ConcurrentHashMap<>();

    /** A micro-credential as reports label it. */
    public record Card(String microCredentialId, String title, String collection, Double creditHours) {
    }

    private record CachedCard(Card card, Instant loadedAt) {
    }

    /** A micro-credential the organisation publishes now, as its draft lists it (the draft's title). */
    public record Offering(String microCredentialId, String title) {
    }

    static final String BY_AUTHOR = "ByAuthor";

    public CatalogLookup(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** Credit hours the published version carries, if any. */
    public Optional<Double> creditHours(String microCredentialId, long version) {
        String key = microCredentialId + "#" + version;
        Optional<Double> cached = versionHours.get(key);
        if (cached != null) {
            return cached;
        }
        var item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(key("MC#" + microCredentialId, "V#%06d".formatted(version)))
                .projectionExpression("#d").expressionAttributeNames(Map.of("#d", "document")).build()).item();
        Optional<Double> hours = Optional.empty();
        if (item != null && item.containsKey("document")) {
            hours = creditHoursOf(item.get("document").s());
        }
        if (versionHours.size() > MAX_CACHED) {
            versionHours.clear();
        }
        versionHours.put(key, hours);
        return hours;
    }

    private static Optional<Double> creditHoursOf(String document) {
        try {
            var node = Json.MAPPER.readTree(document).path("creditHours");
            return node.isNumber() ? Optional.of(node.asDouble()) : Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published version's document is not JSON", e);
        }
    }

    /**
     * The organisation's own micro-credentials that are published now: Query ByAuthor (sparse:
     * one entry per draft) for the organisation, every page, keeping {@code status = published}.
     * Drafts never published are no offering yet; retired ones are none any more.
     */
    public List<Offering> publishedBy(String organizationId) {
        List<Offering> offerings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table).indexName(BY_AUTHOR)
                    .keyConditionExpression("authorOrganizationId = :org")
                    .filterExpression("#status = :published")
                    .projectionExpression("id, title, #status")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":org", AttributeValue.fromS(organizationId),
                            ":published", AttributeValue.fromS("published")))
                    .exclusiveStartKey(start).build());
            page.items().forEach(item -> offerings.add(new Offering(item.get("id").s(), text(item, "title"))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return offerings;
    }

    /** The cards of these micro-credentials (missing ones are absent from the answer). */
    public Map<String, Card> cards(Collection<String> microCredentialIds) {
        Instant now = clock.instant();
        Map<String, Card> found = new HashMap<>();
        List<String> toLoad = new ArrayList<>();
        for (String id : microCredentialIds) {
            CachedCard cached = cards.get(id);
            if (cached != null && cached.loadedAt().plus(CARD_LIFETIME).isAfter(now)) {
                if (cached.card() != null) {
                    found.put(id, cached.card());
                }
            } else {
                toLoad.add(id);
            }
        }
        for (int from = 0; from < toLoad.size(); from += BATCH) {
            List<String> chunk = toLoad.subList(from, Math.min(toLoad.size(), from + BATCH));
            Map<String, Card> loaded = load(chunk);
            for (String id : chunk) {
                Card card = loaded.get(id);
                cards.put(id, new CachedCard(card, now));
                if (card != null) {
                    found.put(id, card);
                }
            }
        }
        return found;
    }

    private Map<String, Card> load(List<String> ids) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(ids.stream().map(id -> key("MC#" + id, "CARD")).toList())
                .projectionExpression("id, title, #c, creditHours")
                .expressionAttributeNames(Map.of("#c", "collection")).build());
        Map<String, Card> loaded = new HashMap<>();
        while (!request.isEmpty()) {
            BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
            for (var item : response.responses().getOrDefault(table, List.of())) {
                String id = item.get("id").s();
                Double hours = item.containsKey("creditHours") ? Double.valueOf(item.get("creditHours").n()) : null;
                loaded.put(id, new Card(id, text(item, "title"), text(item, "collection"), hours));
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return loaded;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
