package org.microcred.shared.domain;

import java.util.List;

/** Fields of a request that break their rules (blank, too long, of the wrong shape), each named. */
public class Invalid extends DomainException {
    public static final String KIND = "validation";
    public static final String TITLE = "The request is not valid";

    /** One field at fault, e.g. {@code new Invalid("limit", "must be between 1 and 100")}. */
    public Invalid(String field, String reason) {
        this("The request has an invalid field: " + field + " " + reason, List.of(new FieldError(field, reason)));
    }

    /** Several fields at fault, with a detail that sums them up. */
    public Invalid(String detail, List<FieldError> errors) {
        super(KIND, TITLE, detail, errors);
    }
}
