package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcred.local.cognito.LocalUserPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboards the demo organisations the way a district is onboarded, through the API: the
 * platform admin creates each organisation ({@code <root>/organizations.json} holds the very
 * {@code POST /orgs} bodies) and adds its people ({@code <root>/users.json}) as members with
 * their roles; after the catalog is loaded, each published micro-credential gets its coach pool
 * from the coaches' {@code coaching} qualifications. Nothing is written to a table directly.
 */
public final class DemoOrganizations {
    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganizations.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DemoApi api;
    private final String demoRoot;

    public DemoOrganizations(URI baseUri, String demoRoot) {
        this.api = new DemoApi(baseUri);
        this.demoRoot = demoRoot;
    }

    /**
     * Creates the organisations and their members. Each demo person keeps the id written in
     * users.json (reserved in the local user pool before the API creates their account).
     *
     * @return how many members were added
     */
    public int onboard(String platformAdminToken, LocalUserPool pool) {
        for (JsonNode organization : read("organizations.json")) {
            api.send("POST", "/orgs", organization, platformAdminToken, "organisation " + organization.path("id").asText(),
                    "create");
        }
        int members = 0;
        for (JsonNode user : read("users.json")) {
            String organizationId = user.path("organizationId").asText(null);
            if (organizationId == null) {
                continue;
            }
            pool.reserveSub(user.path("email").asText(), user.path("id").asText());
            api.send("POST", "/orgs/" + encode(organizationId) + "/members", member(user), platformAdminToken,
                    "user " + user.path("id").asText(), "add member");
            members++;
        }
        LOG.info("Onboarded the demo organisations with {} members", members);
        return members;
    }

    /** Sets the pool of every published demo micro-credential to the coaches qualified for it. */
    public void setCoachPools(List<DemoSeeder.SeededMicroCredential> seeded, String platformAdminToken) {
        JsonNode users = read("users.json");
        for (DemoSeeder.SeededMicroCredential microCredential : seeded) {
            if (!microCredential.published()) {
                continue;
            }
            List<String> coaches = new ArrayList<>();
            for (JsonNode user : users) {
                JsonNode coaching = user.path("coaching");
                if (microCredential.organizationId().equals(user.path("organizationId").asText())
                        && (contains(coaching.path("collections"), microCredential.collection())
                        || contains(coaching.path("microCredentialIds"), microCredential.id()))) {
                    coaches.add(user.path("id").asText());
                }
            }
            if (coaches.isEmpty()) {
                continue;
            }
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode seats = body.putArray("coaches");
            coaches.forEach(coach -> seats.addObject().put("userId", coach));
            api.send("PUT", "/orgs/" + encode(microCredential.organizationId()) + "/microcredentials/"
                    + encode(microCredential.id()) + "/coaches", body, platformAdminToken,
                    "coach pool of " + microCredential.id(), "set coach pool");
        }
    }

    /** {@code POST /orgs/{orgId}/members}: "Mei Lin Chen" is given name "Mei Lin", family name "Chen". */
    private static Map<String, Object> member(JsonNode user) {
        String name = user.path("name").asText().strip();
        int space = name.lastIndexOf(' ');
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", user.path("email").asText());
        body.put("givenName", space < 0 ? name : name.substring(0, space));
        body.put("familyName", space < 0 ? name : name.substring(space + 1));
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(role -> roles.add(role.asText()));
        body.put("roles", roles);
        return body;
    }

    private static boolean contains(JsonNode array, String value) {
        if (value == null) {
            return false;
        }
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private JsonNode read(String file) {
        String resource = demoRoot + "/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? MAPPER.createArrayNode() : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
