package org.microcred.organizations.roster;

import java.util.List;
import org.microcred.shared.domain.FieldError;

/**
 * The file cannot be read as a roster at all (not UTF-8, no header, a required column missing):
 * no row of it is imported. A request answers 400 naming the fields; an uploaded import fails
 * with the message as its reason.
 */
final class RosterFileException extends RuntimeException {
    private final transient List<FieldError> problems;

    RosterFileException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    RosterFileException(List<FieldError> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    List<FieldError> problems() {
        return problems;
    }

    private static String describe(List<FieldError> problems) {
        return String.join("; ", problems.stream().map(problem -> ("body".equals(problem.field()) ? "The file "
                : "Column " + problem.field() + " ") + problem.message()).toList()) + ".";
    }
}
