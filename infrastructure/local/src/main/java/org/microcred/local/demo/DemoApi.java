package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The local API as the demo data loader calls it: JSON in and out, signed in as someone, and
 * any refusal turned into {@link DemoDataRejectedException} quoting the API's problem, so demo
 * data that breaks a rule fails the start loudly.
 */
final class DemoApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoApi(URI baseUri) {
        this.baseUri = baseUri;
    }

    /**
     * @param json   the body, or null for none
     * @param source what demo data this is, for the error (a file name, an organisation id)
     */
    JsonNode send(String method, String path, Object json, String token, String source, String step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + token);
        try {
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String body = json instanceof String text ? text : MAPPER.writeValueAsString(json);
                request.header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DemoDataRejectedException("Demo " + source + " was rejected at " + step + " (" + method + " "
                        + path + " -> " + response.statusCode() + "):\n" + response.body());
            }
            return response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the local API to load demo " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }
}
