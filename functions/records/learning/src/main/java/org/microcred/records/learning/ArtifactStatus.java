package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an artifact stands: {@code declared} (a file announced, its bytes not yet checked) or
 * {@code confirmed} (text and links at once; a file once its stored object matched the declaration).
 */
public enum ArtifactStatus {
    DECLARED("declared"), CONFIRMED("confirmed");

    private final String json;

    ArtifactStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    static ArtifactStatus fromJson(String value) {
        for (ArtifactStatus status : values()) {
            if (status.json.equals(value)) {
                return status;
            }
        }
        throw new IllegalStateException("Unknown artifact status " + value);
    }
}
