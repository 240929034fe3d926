package org.microcred.records.organizations;

import java.util.Optional;

/** Where an assessor is on the pathway: invited, then calibrating once accepted, then live. */
public enum AssessorStatus {
    INVITED("invited"),
    CALIBRATING("calibrating"),
    LIVE("live");

    private final String json;

    AssessorStatus(String json) {
        this.json = json;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return json;
    }

    public static Optional<AssessorStatus> fromJson(String value) {
        for (AssessorStatus status : values()) {
            if (status.json.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
