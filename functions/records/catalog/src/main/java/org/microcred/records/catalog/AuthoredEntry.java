package org.microcred.records.catalog;

/**
 * One micro-credential in its organisation's own list: enough to find a draft saved yesterday
 * and see whether it was ever published ({@code latestVersion} 0 = never) and whether it has
 * changes not yet published ({@code revision} ahead of {@code publishedRevision}).
 */
public record AuthoredEntry(String id, String title, CatalogStatus status, long revision, int latestVersion,
                            long publishedRevision, String createdAt, String updatedAt) {
}
