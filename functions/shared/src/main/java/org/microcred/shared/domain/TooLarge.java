package org.microcred.shared.domain;

import java.util.List;

/** The request is larger than the domain accepts. */
public class TooLarge extends DomainException {
    public TooLarge(String detail) {
        this("payload-too-large", "Request body too large", detail);
    }

    public TooLarge(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public TooLarge(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
