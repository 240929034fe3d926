package org.microcred.catalog.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.json.Json;

/**
 * The opaque position after the last result of a page: the rank of that result, not an offset,
 * so a card published or retired between pages neither repeats nor skips others.
 */
record SearchCursor(RankKey after, String search) {

    static SearchCursor after(SearchIndex.Hit hit, SearchQuery query) {
        return new SearchCursor(hit.rank(), query.fingerprint());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(this).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws Invalid when the cursor was not made by us for this very search */
    static SearchCursor decode(String encoded, SearchQuery query) {
        SearchCursor cursor;
        try {
            cursor = Json.read(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8),
                    SearchCursor.class);
        } catch (RuntimeException e) {
            throw new Invalid("cursor", "is not a cursor this API issued; start again without it");
        }
        // Base64 of "null" is valid JSON but no cursor: Jackson reads it as no object at all.
        if (cursor == null || cursor.after() == null || cursor.after().id() == null || cursor.after().titleKey() == null
                || !query.fingerprint().equals(cursor.search())) {
            throw new Invalid("cursor", "belongs to a different search; start again without it");
        }
        return cursor;
    }
}
