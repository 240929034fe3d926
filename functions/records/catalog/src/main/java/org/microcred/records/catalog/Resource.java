package org.microcred.records.catalog;

/** A piece of research or a resource that supports the key method. */
public record Resource(String title, String url, String description) {
}
