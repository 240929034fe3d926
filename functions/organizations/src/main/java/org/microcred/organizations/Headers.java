package org.microcred.organizations;

import java.util.Optional;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.http.ApiRequest;

/** Reading the request headers the admin routes use. */
final class Headers {
    private Headers() {
    }

    /** {@code If-Match: "3"} (or 3, or W/"3") names the revision the client read. */
    static Optional<Long> ifMatch(ApiRequest request) {
        return request.header("if-match").map(raw -> {
            String revision = raw.strip().replaceFirst("^W/", "").replace("\"", "");
            if (!revision.matches("\\d{1,18}")) {
                throw new Malformed("If-Match must carry the revision you read, e.g. If-Match: \"3\".");
            }
            return Long.parseLong(revision);
        });
    }
}
