package org.microcred.records.catalog;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;
import static org.microcred.records.core.Attributes.textList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One mapper per record type of the CatalogTable: record to item and back. Documents are
 * stored as one JSON attribute ({@code document}): they are read and written whole, never
 * queried. Reading is lenient about what a document or card leaves out, so items written by
 * earlier versions (or by hand) still read.
 */
final class CatalogItems {
    static final String REVISION = "revision";

    /**
     * The one reader of stored documents. Unknown fields are skipped: a stored document is
     * data we wrote, not a client's request, and must stay readable when the format grows.
     */
    private static final class Documents {
        // In a holder: building it builds the mapper, which a document the light path reads never needs.
        private static final ObjectReader READER = Json.mapper().readerFor(MicroCredentialDocument.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private CatalogItems() {
    }

    static Map<String, AttributeValue> draftItem(MicroCredential mc) {
        Map<String, AttributeValue> item = new HashMap<>(CatalogKeys.draft(mc.id()));
        item.put("id", s(mc.id()));
        item.put("organizationId", s(mc.organizationId()));
        item.put("status", s(mc.status().json()));
        item.put(REVISION, n(mc.revision()));
        item.put("latestVersion", n(mc.latestVersion()));
        item.put("publishedRevision", n(mc.publishedRevision()));
        item.put("createdAt", s(mc.createdAt()));
        item.put(CatalogKeys.UPDATED_AT, s(mc.updatedAt()));
        item.put("document", s(Json.write(mc.draft())));
        // Index ByAuthor: the owning organisation's list of its micro-credentials, drafts included.
        item.put(CatalogKeys.AUTHOR_ORGANIZATION_ID, s(mc.organizationId()));
        putIfPresent(item, "title", mc.draft().title());
        return item;
    }

    static MicroCredential draftFrom(Map<String, AttributeValue> item) {
        return new MicroCredential(text(item, "id"), text(item, "organizationId"),
                CatalogStatus.fromJson(text(item, "status")), number(item, REVISION, 0),
                (int) number(item, "latestVersion", 0), number(item, "publishedRevision", 0),
                text(item, "createdAt"), text(item, CatalogKeys.UPDATED_AT), documentOf(item));
    }

    /** One row of an organisation's list, from the ByAuthor index (no document projected there). */
    static AuthoredEntry authoredEntryFrom(Map<String, AttributeValue> item) {
        return new AuthoredEntry(text(item, "id"), text(item, "title"), CatalogStatus.fromJson(text(item, "status")),
                number(item, REVISION, 0), (int) number(item, "latestVersion", 0),
                number(item, "publishedRevision", 0), text(item, "createdAt"), text(item, CatalogKeys.UPDATED_AT));
    }

    static Map<String, AttributeValue> versionItem(PublishedMicroCredential published) {
        Map<String, AttributeValue> item = new HashMap<>(CatalogKeys.version(published.id(), published.version()));
        item.put("id", s(published.id()));
        item.put("organizationId", s(published.organizationId()));
        item.put("version", n(published.version()));
        item.put("publishedAt", s(published.publishedAt()));
        item.put("document", s(Json.write(published.document())));
        return item;
    }

    /** A version item never records retirement (versions are immutable); the caller sets status. */
    static PublishedMicroCredential versionFrom(String microCredentialId, int version,
                                                Map<String, AttributeValue> item) {
        return new PublishedMicroCredential(text(item, "id", microCredentialId), text(item, "organizationId"),
                (int) number(item, "version", version), CatalogStatus.PUBLISHED, text(item, "publishedAt"),
                documentOf(item));
    }

    static Map<String, AttributeValue> cardItem(SearchCard card) {
        Map<String, AttributeValue> item = new HashMap<>(CatalogKeys.card(card.id()));
        item.put(CatalogKeys.FEED, s(CatalogKeys.CATALOG_FEED));
        item.put(CatalogKeys.CHANGED_AT, n(card.changedAt()));
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
            item.put("audiences", AttributeValue.fromL(card.audiences().stream().map(AttributeValue::fromS).toList()));
        }
        if (card.creditHours() != null) {
            item.put("creditHours", AttributeValue.fromN(card.creditHours().toString()));
        }
        return item;
    }

    /** A card names the latest published version (1 if it does not say) and is published unless it says otherwise. */
    static SearchCard cardFrom(Map<String, AttributeValue> item) {
        String status = text(item, "status");
        AttributeValue credits = item.get("creditHours");
        return new SearchCard(text(item, "id", idOf(item)), text(item, "organizationId"),
                (int) number(item, "version", 1), status == null ? CatalogStatus.PUBLISHED : CatalogStatus.fromJson(status),
                text(item, "title"), text(item, "summary"), text(item, "competency"), text(item, "keyMethod"),
                text(item, "collection"), textList(item, "audiences"),
                credits == null || credits.n() == null ? null : Double.valueOf(credits.n()),
                text(item, "description"), number(item, CatalogKeys.CHANGED_AT, 0));
    }

    private static String idOf(Map<String, AttributeValue> item) {
        String partition = text(item, CatalogKeys.PK);
        return partition == null ? null : partition.substring(CatalogKeys.partition("").length());
    }

    private static MicroCredentialDocument documentOf(Map<String, AttributeValue> item) {
        String document = text(item, "document");
        if (document == null) {
            throw new IllegalStateException(text(item, CatalogKeys.PK) + " / " + text(item, CatalogKeys.SK)
                    + " has no document");
        }
        return document(document);
    }

    /** A stored document; one that names a single {@code competency} (never the API's spelling) still reads. */
    static MicroCredentialDocument document(String json) {
        if (json.contains("\"competency\"")) {
            return documentWithJackson(json);
        }
        return Json.read(json, MicroCredentialDocument.class, true, () -> documentWithJackson(json));
    }

    private static MicroCredentialDocument documentWithJackson(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            if (root instanceof ObjectNode object && object.hasNonNull("competency") && !object.has("competencies")) {
                object.putArray("competencies").add(object.path("competency").asText());
            }
            return Documents.READER.readValue(root);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored micro-credential document is not readable", e);
        }
    }
}
