package org.microcred.shared.domain;

import java.util.List;

/** A well-formed request that a business rule refuses; the kind and title name the rule. */
public class RuleBroken extends DomainException {
    public RuleBroken(String kind, String title, String detail) {
        this(kind, title, detail, List.of());
    }

    public RuleBroken(String kind, String title, String detail, List<FieldError> errors) {
        super(kind, title, detail, errors);
    }
}
