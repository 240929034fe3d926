package org.microcred.records.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a micro-credential is in its life: authored, offered to educators, or withdrawn from offer. */
public enum CatalogStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("published") PUBLISHED,
    @JsonProperty("retired") RETIRED;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CatalogStatus fromJson(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
