package org.microcred.shared.domain;

import java.util.List;
import java.util.Map;

/**
 * A request the domain refuses, said in the domain's words: a stable kind (a slug such as
 * {@code invalid-transition} that clients may switch on), a short title, the detail for people and
 * the fields at fault. Services throw its subclasses; only the HTTP edge in {@code shared} decides
 * which status each kind gets. The constructor is package-private so that the kinds in this
 * package are all the kinds there are (each may be specialised further).
 */
public abstract class DomainException extends RuntimeException {
    private final String kind;
    private final String title;
    private final List<FieldError> errors;

    DomainException(String kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** The stable slug naming what went wrong, e.g. {@code not-found} or {@code already-decided}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The fields at fault, each with its reason; empty when the refusal is about no one field. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * Further facts a client needs to act on the refusal, such as the decision already on record,
     * rendered as extra members of the problem document, in this map's order. Empty by default.
     */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
