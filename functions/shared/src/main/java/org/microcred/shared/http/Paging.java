package org.microcred.shared.http;

import java.util.Optional;
import org.microcred.shared.domain.Invalid;

/**
 * The {@code limit} and {@code cursor} query parameters of the list routes that page with the
 * opaque cursors of {@code org.microcred.records.core.PageCursors}: 25 items by default, at most 100.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    /** Longer than any cursor we issue: refused before anyone tries to decode it. */
    private static final int MAX_CURSOR_LENGTH = 2048;

    private Paging() {
    }

    public static int limit(ApiRequest request) {
        String raw = request.queryParameter("limit").filter(value -> !value.isEmpty()).orElse(null);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            throw new Invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        return Integer.parseInt(raw);
    }

    public static Optional<String> cursor(ApiRequest request) {
        Optional<String> cursor = request.queryParameter("cursor").filter(value -> !value.isEmpty());
        if (cursor.isPresent() && cursor.get().length() > MAX_CURSOR_LENGTH) {
            throw new Invalid("cursor", "is not a cursor this API issued; start again without it");
        }
        return cursor;
    }
}
