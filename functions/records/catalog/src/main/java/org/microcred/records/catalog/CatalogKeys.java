package org.microcred.records.catalog;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The CatalogTable's keys, written once (docs/data-model.md, "CatalogTable"): one partition per
 * micro-credential ({@code MC#<id>}) holding the editable draft ({@code DRAFT}), each immutable
 * published version ({@code V#000001}...) and the search card ({@code CARD}).
 */
public final class CatalogKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String DRAFT = "DRAFT";
    public static final String CARD = "CARD";
    /** Sparse index of the drafts by owning organisation, most recently edited last. */
    public static final String BY_AUTHOR = "ByAuthor";
    /** Sparse index of the search cards by when they last changed (one feed partition). */
    public static final String BY_CHANGE = "ByChange";
    /** ByAuthor's partition key: the owning organisation, on drafts only. */
    public static final String AUTHOR_ORGANIZATION_ID = "authorOrganizationId";
    /** ByAuthor's sort key. */
    public static final String UPDATED_AT = "updatedAt";
    /** ByChange's partition key and its one value, on cards only. */
    public static final String FEED = "feed";
    public static final String CATALOG_FEED = "CATALOG";
    /** ByChange's sort key: epoch milliseconds of the card's last change. */
    public static final String CHANGED_AT = "changedAt";

    private static final String PARTITION_PREFIX = "MC#";

    private CatalogKeys() {
    }

    public static String partition(String microCredentialId) {
        return PARTITION_PREFIX + microCredentialId;
    }

    public static String versionSortKey(int version) {
        return String.format("V#%06d", version);
    }

    public static Map<String, AttributeValue> draft(String microCredentialId) {
        return key(microCredentialId, DRAFT);
    }

    public static Map<String, AttributeValue> card(String microCredentialId) {
        return key(microCredentialId, CARD);
    }

    public static Map<String, AttributeValue> version(String microCredentialId, int version) {
        return key(microCredentialId, versionSortKey(version));
    }

    private static Map<String, AttributeValue> key(String microCredentialId, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(partition(microCredentialId)), SK, AttributeValue.fromS(sortKey));
    }
}
