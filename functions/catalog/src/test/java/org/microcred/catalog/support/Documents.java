package org.microcred.catalog.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.shared.json.Json;

/** Test documents built from the JSON fixture, with the changes a test needs. */
public final class Documents {
    private Documents() {
    }

    /** The complete, publishable fixture as a mutable JSON tree. */
    public static ObjectNode exitTicketsJson() {
        try (InputStream in = Documents.class.getResourceAsStream("/fixtures/exit-tickets.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MicroCredentialDocument exitTickets() {
        return Json.mapper().convertValue(exitTicketsJson(), MicroCredentialDocument.class);
    }

    public static MicroCredentialDocument withTitle(String title) {
        ObjectNode json = exitTicketsJson();
        json.put("title", title);
        return Json.mapper().convertValue(json, MicroCredentialDocument.class);
    }
}
