package org.microcred.shared.domain;

/** One thing wrong with one field of a request, named by its JSON path (e.g. {@code rubric[0].levels}). */
public record FieldError(String field, String message) {
}
