package org.microcred.shared.domain;

import java.util.List;

/** The request collides with the current state: a concurrent change, a duplicate, a status that does not allow it. */
public class Conflict extends DomainException {
    public Conflict(String detail) {
        this("conflict", "Conflict", detail);
    }

    public Conflict(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public Conflict(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
