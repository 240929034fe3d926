package org.microcred.catalog.service;

import java.util.Optional;

/** A catalog search as the educator asked for it. Blank text lists everything, sorted by title. */
public record SearchQuery(String text, Optional<String> collection, Optional<String> audience,
                          Optional<String> cursor, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Identifies the result set a cursor belongs to, so a cursor cannot be replayed on another search. */
    String fingerprint() {
        return Integer.toHexString((text.strip().toLowerCase(java.util.Locale.ROOT) + '\u0000'
                + collection.orElse("") + '\u0000' + audience.orElse("")).hashCode());
    }
}
