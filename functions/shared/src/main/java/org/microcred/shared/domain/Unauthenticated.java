package org.microcred.shared.domain;

import java.util.List;

/** This needs a signed-in caller and there is none. */
public class Unauthenticated extends DomainException {
    public Unauthenticated(String detail) {
        this("unauthorized", "Sign-in required", detail);
    }

    public Unauthenticated(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public Unauthenticated(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
