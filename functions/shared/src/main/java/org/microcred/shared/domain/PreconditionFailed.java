package org.microcred.shared.domain;

import java.util.List;

/** The caller's copy is stale: the thing changed since they read it. */
public class PreconditionFailed extends DomainException {
    public PreconditionFailed(String detail) {
        this("precondition-failed", "Precondition failed", detail);
    }

    public PreconditionFailed(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public PreconditionFailed(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
