package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The three shapes evidence takes: an uploaded file, a written answer, a link to a web page. */
public enum ArtifactKind {
    FILE("file"), TEXT("text"), LINK("link");

    private final String json;

    ArtifactKind(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ArtifactKind fromJson(String value) {
        for (ArtifactKind kind : values()) {
            if (kind.json.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be one of file, text, link");
    }
}
