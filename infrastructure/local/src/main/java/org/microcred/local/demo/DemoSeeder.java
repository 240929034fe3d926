package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.microcred.local.identity.DevDirectory;
import org.microcred.local.identity.DevIdentityProvider;
import org.microcred.shared.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo catalog through the local API itself, signed in as an org-admin of each
 * document's organisation: create the draft, then publish it when asked. Going through the
 * real handlers means demo data that breaks a quality rule fails the start, loudly.
 */
public final class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI baseUri;
    private final DevIdentityProvider identityProvider;
    private final DevDirectory directory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoSeeder(URI baseUri, DevIdentityProvider identityProvider, DevDirectory directory) {
        this.baseUri = baseUri;
        this.identityProvider = identityProvider;
        this.directory = directory;
    }

    /**
     * @return how many micro-credentials were created
     * @throws DemoDataRejectedException naming the file and quoting the API's problem
     */
    public int seed(List<DemoMicroCredential> demos) {
        for (DemoMicroCredential demo : demos) {
            String token = adminToken(demo.organizationId());
            JsonNode created = post("/microcredentials", demo.draft().toString(), token, demo, "create");
            if (demo.publish()) {
                String id = created.path("id").asText();
                post("/microcredentials/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/publish", null, token,
                        demo, "publish");
            }
        }
        LOG.info("Seeded {} demo micro-credentials", demos.size());
        return demos.size();
    }

    private String adminToken(String organizationId) {
        return directory.firstWith(Role.ORG_ADMIN.group(), organizationId)
                .map(identityProvider::tokenFor)
                .orElseGet(() -> identityProvider.tokenFor(Role.ORG_ADMIN, organizationId));
    }

    private JsonNode post(String path, String json, String token, DemoMicroCredential demo, String step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DemoDataRejectedException("Demo micro-credential " + demo.source() + " was rejected at " + step
                        + " (POST " + path + " -> " + response.statusCode() + "):\n" + response.body());
            }
            return response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the local API to seed " + demo.source(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding demo data", e);
        }
    }
}
