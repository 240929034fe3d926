package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.microcred.local.identity.DevUsers;
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

    private final DemoApi api;
    private final DevIdentityProvider identityProvider;
    private final DevUsers users;

    public DemoSeeder(URI baseUri, DevIdentityProvider identityProvider, DevUsers users) {
        this.api = new DemoApi(baseUri);
        this.identityProvider = identityProvider;
        this.users = users;
    }

    /**
     * @return the micro-credentials as created (with their server-assigned ids)
     * @throws DemoDataRejectedException naming the file and quoting the API's problem
     */
    public List<SeededMicroCredential> seed(List<DemoMicroCredential> demos) {
        List<SeededMicroCredential> seeded = new ArrayList<>();
        for (DemoMicroCredential demo : demos) {
            String token = adminToken(demo.organizationId());
            String source = "micro-credential " + demo.source();
            JsonNode created = api.send("POST", "/microcredentials", demo.draft().toString(), token, source, "create");
            String id = created.path("id").asText();
            if (demo.publish()) {
                api.send("POST", "/microcredentials/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/publish",
                        null, token, source, "publish");
            }
            seeded.add(new SeededMicroCredential(id, demo.organizationId(), demo.draft().path("collection").asText(null),
                    demo.publish()));
        }
        LOG.info("Seeded {} demo micro-credentials", demos.size());
        return seeded;
    }

    private String adminToken(String organizationId) {
        return users.firstWith(Role.ORG_ADMIN.group(), organizationId)
                .map(identityProvider::tokenFor)
                .orElseGet(() -> identityProvider.tokenFor(Role.ORG_ADMIN, organizationId));
    }

    /** A demo micro-credential as the API made it. */
    public record SeededMicroCredential(String id, String organizationId, String collection, boolean published) {
    }
}
