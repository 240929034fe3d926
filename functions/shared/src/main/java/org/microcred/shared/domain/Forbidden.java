package org.microcred.shared.domain;

import java.util.List;

/** The caller is known but may not do this. */
public class Forbidden extends DomainException {
    public Forbidden(String detail) {
        this("forbidden", "Not allowed", detail);
    }

    public Forbidden(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public Forbidden(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
