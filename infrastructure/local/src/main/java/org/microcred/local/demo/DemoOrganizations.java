package org.microcred.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes the demo organisations into the OrganizationsTable (layout in docs/data-model.md):
 * each organisation's profile and eligibility policy, every demo user as a member, and users
 * with the coach role into the coach pool with the qualifications under {@code coaching}.
 * Written directly: there is no API for organisation administration yet.
 */
public final class DemoOrganizations {
    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganizations.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DemoOrganizations() {
    }

    /** @return how many items were written */
    public static int seed(DynamoDbClient dynamoDb, String tableName, String demoRoot) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (JsonNode organization : read(demoRoot + "/organizations.json")) {
            items.add(profile(organization));
        }
        for (JsonNode user : read(demoRoot + "/users.json")) {
            if (!user.path("organizationId").isTextual()) {
                continue;
            }
            items.add(member(user));
            if (roles(user).contains("coach")) {
                items.add(coach(user));
            }
        }
        items.forEach(item -> dynamoDb.putItem(r -> r.tableName(tableName).item(item)));
        LOG.info("Seeded {} demo organisation items", items.size());
        return items.size();
    }

    private static Map<String, AttributeValue> profile(JsonNode organization) {
        String id = organization.path("id").asText();
        JsonNode eligibility = organization.path("eligibility");
        Map<String, AttributeValue> item = key(id, "PROFILE");
        item.put("organizationId", s(id));
        item.put("name", s(organization.path("name").asText(id)));
        item.put("eligibility", s(eligibility.path("mode").asText("members")));
        item.put("emailDomains", strings(eligibility.path("emailDomains")));
        item.put("kind", s(organization.path("kind").asText("organization")));
        item.put("reviewTargetBusinessDays", AttributeValue.fromN(
                Integer.toString(organization.path("reviewTargetBusinessDays").asInt(5))));
        return item;
    }

    private static Map<String, AttributeValue> member(JsonNode user) {
        Map<String, AttributeValue> item = key(user.path("organizationId").asText(), "MEMBER#" + user.path("id").asText());
        item.put("userId", s(user.path("id").asText()));
        item.put("email", s(user.path("email").asText().toLowerCase(Locale.ROOT)));
        item.put("name", s(user.path("name").asText()));
        item.put("roles", strings(user.path("roles")));
        return item;
    }

    private static Map<String, AttributeValue> coach(JsonNode user) {
        JsonNode coaching = user.path("coaching");
        Map<String, AttributeValue> item = key(user.path("organizationId").asText(), "COACH#" + user.path("id").asText());
        item.put("userId", s(user.path("id").asText()));
        item.put("email", s(user.path("email").asText().toLowerCase(Locale.ROOT)));
        item.put("name", s(user.path("name").asText()));
        item.put("microCredentialIds", strings(coaching.path("microCredentialIds")));
        item.put("collections", strings(coaching.path("collections")));
        item.put("openEnrollments", AttributeValue.fromN("0"));
        return item;
    }

    private static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static Map<String, AttributeValue> key(String organizationId, String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s("ORG#" + organizationId));
        key.put("sk", s(sortKey));
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue strings(JsonNode array) {
        List<AttributeValue> values = new ArrayList<>();
        array.forEach(value -> values.add(s(value.asText())));
        return AttributeValue.fromL(values);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? MAPPER.createArrayNode() : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
