package org.microcred.records.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What form a piece of evidence takes. */
public enum EvidenceKind {
    @JsonProperty("file") FILE("file"),
    @JsonProperty("text") TEXT("text"),
    @JsonProperty("link") LINK("link");

    private final String json;

    EvidenceKind(String json) {
        this.json = json;
    }

    /** The JSON spelling, so error messages list the values a client can actually send. */
    @Override
    public String toString() {
        return json;
    }
}
