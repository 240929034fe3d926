package org.microcred.records.catalog;

/** Something the educator does to learn and practise the key method. */
public record Activity(String title, String description) {
}
