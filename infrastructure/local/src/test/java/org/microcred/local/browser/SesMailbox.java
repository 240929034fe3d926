package org.microcred.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The SES emulator's store ({@code GET /store}) read as a mailbox: waits for one email to arrive. */
final class SesMailbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI store;

    SesMailbox(HttpClient http, URI store) {
        this.http = http;
        this.store = store;
    }

    /** The first email to {@code recipient} whose subject contains {@code subject}, polling until the timeout. */
    JsonNode await(String recipient, String subject, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode emails = MAPPER.readTree(http.send(HttpRequest.newBuilder(store).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("emails");
            for (JsonNode email : emails) {
                if (email.path("destination").path("to").toString().contains(recipient)
                        && email.path("subject").asText().contains(subject)) {
                    return email;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No email to " + recipient + " about '" + subject + "' within "
                        + timeout.toSeconds() + " s; the emulator holds: " + emails);
            }
            Thread.sleep(200);
        }
    }
}
