package org.microcred.shared.domain;

import java.util.List;

/** Nothing the caller may see exists under that id. */
public class NotFound extends DomainException {
    public NotFound(String detail) {
        this("not-found", "Not found", detail);
    }

    public NotFound(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public NotFound(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
