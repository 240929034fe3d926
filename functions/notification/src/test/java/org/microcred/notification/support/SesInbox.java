package org.microcred.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.microcred.shared.json.Json;

/**
 * What the SES emulator captured, read from its {@code GET /store}. The emulator serves every
 * test in the JVM, so tests look up their own emails by a subject nobody else uses. Each email
 * is stored as sent: {@code from} is the raw From value, {@code destination.to} the address list,
 * {@code body.html}/{@code body.text} the bodies and {@code messageId} what SES answered.
 */
public final class SesInbox {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI storeUrl;

    public SesInbox(URI storeUrl) {
        this.storeUrl = storeUrl;
    }

    /** The captured emails whose subject contains {@code token}, oldest first. */
    public List<JsonNode> emailsWithSubjectContaining(String token) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode email : store().path("emails")) {
            if (email.path("subject").asText().contains(token)) {
                matching.add(email);
            }
        }
        return matching;
    }

    /** Every captured email, oldest first. */
    public List<JsonNode> all() {
        List<JsonNode> emails = new ArrayList<>();
        store().path("emails").forEach(emails::add);
        return emails;
    }

    private JsonNode store() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(storeUrl).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + storeUrl + " answered " + response.statusCode());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the SES emulator's store", e);
        }
    }
}
