package org.microcred.catalog.model;

/** One level of a rubric criterion; {@code passing} marks the lowest level that earns mastery. */
public record RubricLevel(String id, String name, String description, boolean passing) {
}
