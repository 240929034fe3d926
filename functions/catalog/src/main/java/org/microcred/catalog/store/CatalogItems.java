package org.microcred.catalog.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.catalog.model.AuthoredEntry;
import org.microcred.catalog.model.CatalogStatus;
import org.microcred.catalog.model.MicroCredential;
import org.microcred.catalog.model.MicroCredentialDocument;
import org.microcred.catalog.model.PublishedMicroCredential;
import org.microcred.catalog.model.SearchCard;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps catalog domain objects to DynamoDB items and back. Item layout (docs/data-model.md):
 * {@code MC#id / DRAFT} the editable draft and its counters, {@code MC#id / V#000001} each
 * immutable published version, {@code MC#id / CARD} the search card on the ByChange index.
 * Documents are stored as one JSON attribute: they are read and written whole, never queried.
 */
final class CatalogItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String DRAFT = "DRAFT";
    static final String CARD = "CARD";
    static final String FEED = "feed";
    static final String CHANGED_AT = "changedAt";
    static final String CATALOG_FEED = "CATALOG";
    static final String REVISION = "revision";
    static final String BY_AUTHOR = "ByAuthor";
    static final String AUTHOR_ORGANIZATION_ID = "authorOrganizationId";
    static final String UPDATED_AT = "updatedAt";

    private CatalogItems() {
    }

    static Map<String, AttributeValue> key(String id, String sortKey) {
        return Map.of(PK, s("MC#" + id), SK, s(sortKey));
    }

    static String versionKey(int version) {
        return String.format("V#%06d", version);
    }

    static Map<String, AttributeValue> draftItem(MicroCredential mc) {
        Map<String, AttributeValue> item = new HashMap<>(key(mc.id(), DRAFT));
        item.put("id", s(mc.id()));
        item.put("organizationId", s(mc.organizationId()));
        item.put("status", s(mc.status().json()));
        item.put(REVISION, n(mc.revision()));
        item.put("latestVersion", n(mc.latestVersion()));
        item.put("publishedRevision", n(mc.publishedRevision()));
        item.put("createdAt", s(mc.createdAt()));
        item.put("updatedAt", s(mc.updatedAt()));
        item.put("document", s(Json.write(mc.draft())));
        // Index ByAuthor: the owning organisation's list of its micro-credentials, drafts included.
        item.put(AUTHOR_ORGANIZATION_ID, s(mc.organizationId()));
        putIfPresent(item, "title", mc.draft().title());
        return item;
    }

    /** One row of an organisation's list, from the ByAuthor index (no document projected there). */
    static AuthoredEntry authoredEntryFrom(Map<String, AttributeValue> item) {
        return new AuthoredEntry(item.get("id").s(), text(item, "title"),
                CatalogStatus.fromJson(item.get("status").s()), Long.parseLong(item.get(REVISION).n()),
                Integer.parseInt(item.get("latestVersion").n()),
                Long.parseLong(item.get("publishedRevision").n()), text(item, "createdAt"),
                item.get("updatedAt").s());
    }

    static MicroCredential draftFrom(Map<String, AttributeValue> item) {
        return new MicroCredential(item.get("id").s(), item.get("organizationId").s(),
                CatalogStatus.fromJson(item.get("status").s()), Long.parseLong(item.get(REVISION).n()),
                Integer.parseInt(item.get("latestVersion").n()), Long.parseLong(item.get("publishedRevision").n()),
                item.get("createdAt").s(), item.get("updatedAt").s(), document(item));
    }

    static Map<String, AttributeValue> versionItem(PublishedMicroCredential published) {
        Map<String, AttributeValue> item = new HashMap<>(key(published.id(), versionKey(published.version())));
        item.put("id", s(published.id()));
        item.put("organizationId", s(published.organizationId()));
        item.put("version", n(published.version()));
        item.put("publishedAt", s(published.publishedAt()));
        item.put("document", s(Json.write(published.document())));
        return item;
    }

    /** A version item never records retirement (versions are immutable); the caller sets status. */
    static PublishedMicroCredential versionFrom(Map<String, AttributeValue> item) {
        return new PublishedMicroCredential(item.get("id").s(), item.get("organizationId").s(),
                Integer.parseInt(item.get("version").n()), CatalogStatus.PUBLISHED, item.get("publishedAt").s(),
                document(item));
    }

    static Map<String, AttributeValue> cardItem(SearchCard card) {
        Map<String, AttributeValue> item = new HashMap<>(key(card.id(), CARD));
        item.put(FEED, s(CATALOG_FEED));
        item.put(CHANGED_AT, n(card.changedAt()));
        item.put("id", s(card.id()));
        item.put("organizationId", s(card.organizationId()));
        item.put("version", n(card.version()));
        item.put("status", s(card.status().json()));
        putIfPresent(item, "title", card.title());
        putIfPresent(item, "summary", card.summary());
        putIfPresent(item, "competency", card.competency());
        putIfPresent(item, "keyMethod", card.keyMethod());
        putIfPresent(item, "collection", card.collection());
        putIfPresent(item, "description", card.description());
        if (!card.audiences().isEmpty()) {
            item.put("audiences", AttributeValue.fromL(card.audiences().stream().map(CatalogItems::s).toList()));
        }
        if (card.creditHours() != null) {
            item.put("creditHours", AttributeValue.fromN(card.creditHours().toString()));
        }
        return item;
    }

    static SearchCard cardFrom(Map<String, AttributeValue> item) {
        List<String> audiences = item.containsKey("audiences")
                ? item.get("audiences").l().stream().map(AttributeValue::s).toList() : List.of();
        Double credits = item.containsKey("creditHours") ? Double.valueOf(item.get("creditHours").n()) : null;
        return new SearchCard(item.get("id").s(), item.get("organizationId").s(),
                Integer.parseInt(item.get("version").n()), CatalogStatus.fromJson(item.get("status").s()),
                text(item, "title"), text(item, "summary"), text(item, "competency"), text(item, "keyMethod"),
                text(item, "collection"), audiences, credits, text(item, "description"),
                Long.parseLong(item.get(CHANGED_AT).n()));
    }

    private static MicroCredentialDocument document(Map<String, AttributeValue> item) {
        return Json.read(item.get("document").s(), MicroCredentialDocument.class);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
