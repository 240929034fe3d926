package org.microcred.shared.domain;

import java.util.List;

/** The request's content is of a kind the domain does not read. */
public class UnsupportedMediaType extends DomainException {
    public UnsupportedMediaType(String detail) {
        this("unsupported-media-type", "Unsupported media type", detail);
    }

    public UnsupportedMediaType(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public UnsupportedMediaType(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
