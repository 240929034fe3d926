package org.microcred.enrollment.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC timestamps with a fixed millisecond width. Index sort keys ({@code updatedAt})
 * compare as strings, and {@code Instant.toString()} drops trailing zeros, which would sort
 * "...:05Z" after "...:05.120Z".
 */
final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String now(Clock clock) {
        return FORMAT.format(clock.instant());
    }
}
