package org.microcred.records.catalog;

/** One level of a rubric criterion; {@code passing} marks the lowest level that earns mastery. */
public record RubricLevel(String id, String name, String description, boolean passing) {
}
