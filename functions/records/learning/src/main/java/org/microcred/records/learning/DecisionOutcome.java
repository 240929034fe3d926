package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What a coach decided on a submitted attempt: the micro-credential is mastered, or the evidence needs revising. */
public enum DecisionOutcome {
    MASTERY("mastery"), NEEDS_REVISION("needs-revision");

    private final String json;

    DecisionOutcome(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** The outcome a stored or sent value names, if any. */
    public static Optional<DecisionOutcome> fromJson(String value) {
        for (DecisionOutcome outcome : values()) {
            if (outcome.json.equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static DecisionOutcome parse(String value) {
        return fromJson(value).orElseThrow(() -> new IllegalArgumentException("must be mastery or needs-revision"));
    }
}
