package org.microcred.shared.domain;

import java.util.List;

/** The request cannot be read at all, e.g. an id of the wrong shape or a body that is not JSON. */
public class Malformed extends DomainException {
    public Malformed(String detail) {
        this("bad-request", "Bad request", detail);
    }

    public Malformed(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public Malformed(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
