package org.microcred.records.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.microcred.shared.json.Json;

/** The publishable fixture document (the catalog function's own, copied). */
final class Documents {
    private Documents() {
    }

    static MicroCredentialDocument exitTickets() {
        try (InputStream in = Documents.class.getResourceAsStream("/fixtures/exit-tickets.json")) {
            return Json.mapper().readValue(in, MicroCredentialDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
