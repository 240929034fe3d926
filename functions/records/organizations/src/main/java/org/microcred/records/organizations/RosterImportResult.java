package org.microcred.records.organizations;

import java.util.List;
import java.util.Optional;

/**
 * What importing one roster row did.
 *
 * @param row     the row as a spreadsheet numbers it: the header is row 1, the first person row 2
 * @param userId  the member's user id (absent for an error, and for a creation in a dry run)
 * @param email   the row's address, lower-cased, when it had one
 * @param errors  why the row was refused, each naming its column; empty unless {@code ERROR}
 */
public record RosterImportResult(int row, Outcome outcome, String userId, String email, List<Problem> errors) {
    public RosterImportResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One reason a row was refused, naming the column (e.g. {@code email}, {@code role}). */
    public record Problem(String field, String message) {
    }

    public enum Outcome {
        CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged"), ERROR("error");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<Outcome> fromValue(String value) {
            for (Outcome outcome : values()) {
                if (outcome.value.equals(value)) {
                    return Optional.of(outcome);
                }
            }
            return Optional.empty();
        }
    }
}
