package org.microcred.review.model;

/** One level of a rubric criterion; {@code passing} marks the lowest level that passes. */
public record RubricLevel(String id, String name, String description, boolean passing) {
}
