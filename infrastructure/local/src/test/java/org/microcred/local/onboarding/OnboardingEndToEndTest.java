package org.microcred.local.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.SamTemplate;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;

/**
 * A district goes from an empty stack to its first enrolled educator through HTTP alone: the
 * platform admin creates the organisation, imports a roster with good and bad rows, the imported
 * org admin signs in, authors and publishes a micro-credential, sets its coach pool, an imported
 * learner enrols and gets the pool's coach, and once deactivated her next token is refused.
 * Every token comes from {@code /_local/tokens}, i.e. from the membership records through the
 * Pre Token Generation trigger.
 */
@WithLocalStack
class OnboardingEndToEndTest {
    private static final String REFLECTION =
            "{\"requirementId\": \"reflection\", \"kind\": \"text\", \"text\": \"What the exit tickets showed.\"}";

    @Test
    void district_onboardsThroughTheApi_fromEmptyStackToFirstEnrolledEducator(RunningStack stack) throws IOException {
        String org = "district-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = org + ".k12.example";
        String platformAdmin = tokenOfRole(stack, "platform-admin");

        HttpResponse<String> created = call(stack, "POST", "/orgs", platformAdmin, "application/json", """
                {"id": "%s", "name": "Cedar Falls Community Schools", "kind": "district",
                 "issuer": {"url": "https://www.%s", "email": "pd@%s"},
                 "eligibility": {"mode": "members"}, "reviewTargetBusinessDays": 4,
                 "timeZone": "America/Chicago"}
                """.formatted(org, domain, domain));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String roster = String.join("\r\n",
                "email,givenName,familyName,roles",
                "ana.admin@" + domain + ",Ana,Admin,org-admin",
                "carl.coach@" + domain + ",Carl,Coach,learner;coach",
                "lena.learner@" + domain + ",Lena,Learner,learner",
                "not-an-address,Bad,Row,learner",
                "olga.other@" + domain + ",Olga,Other,principal",
                "");
        HttpResponse<String> imported = call(stack, "POST", "/orgs/" + org + "/roster-imports", platformAdmin,
                "text/csv", roster);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json(imported);
        assertThat(report.path("status").asText()).isEqualTo("completed");
        Map<Integer, JsonNode> rows = new HashMap<>();
        report.path("results").forEach(result -> rows.put(result.path("row").asInt(), result));
        assertThat(rows.get(2).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(3).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(4).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(5).path("outcome").asText()).isEqualTo("error");
        assertThat(rows.get(5).path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(rows.get(6).path("outcome").asText()).isEqualTo("error");
        assertThat(rows.get(6).path("errors").get(0).path("field").asText()).isEqualTo("roles");
        String coachId = rows.get(3).path("userId").asText();
        String learnerId = rows.get(4).path("userId").asText();

        JsonNode admin = signedIn(stack, "ana.admin@" + domain);
        assertThat(admin.path("organizationId").asText()).isEqualTo(org);
        assertThat(admin.path("roles")).extracting(JsonNode::asText).containsExactly("org-admin");
        String adminToken = admin.path("token").asText();

        String document = Files.readString(SamTemplate.locateFile().toAbsolutePath().getParent()
                .resolve("functions/catalog/src/test/resources/fixtures/exit-tickets.json"));
        HttpResponse<String> draft = call(stack, "POST", "/microcredentials", adminToken, "application/json", document);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String microCredentialId = json(draft).path("id").asText();
        assertThat(json(call(stack, "GET", "/orgs/" + org + "/microcredentials?status=draft", adminToken, null, null))
                .path("items")).extracting(item -> item.path("id").asText()).containsExactly(microCredentialId);
        HttpResponse<String> published = call(stack, "POST", "/microcredentials/" + microCredentialId + "/publish",
                adminToken, null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        HttpResponse<String> pool = call(stack, "PUT", "/orgs/" + org + "/microcredentials/" + microCredentialId
                + "/coaches", adminToken, "application/json", """
                {"coaches": [{"userId": "%s", "capacity": 20}]}
                """.formatted(coachId));
        assertThat(pool.statusCode()).as(pool.body()).isEqualTo(200);

        String learnerToken = signedIn(stack, "lena.learner@" + domain).path("token").asText();
        HttpResponse<String> enrolled = call(stack, "POST", "/microcredentials/" + microCredentialId + "/enrollments",
                learnerToken, null, null);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        assertThat(json(enrolled).path("status").asText()).isEqualTo("in-progress");
        assertThat(json(enrolled).path("coach").path("id").asText()).isEqualTo(coachId);
        JsonNode loads = json(call(stack, "GET", "/orgs/" + org + "/microcredentials/" + microCredentialId
                + "/coaches", adminToken, null, null));
        assertThat(loads.path("coaches").get(0).path("openEnrollments").asInt()).isEqualTo(1);

        String enrollmentId = json(enrolled).path("id").asText();
        HttpResponse<String> declared = call(stack, "POST", "/enrollments/" + enrollmentId + "/artifacts", learnerToken,
                "application/json", REFLECTION);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);

        HttpResponse<String> deactivated = call(stack, "PATCH", "/orgs/" + org + "/members/" + learnerId, adminToken,
                "application/json", "{\"active\": false}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        JsonNode after = signedIn(stack, "lena.learner@" + domain);
        assertThat(after.path("roles")).as("the next token carries no role").isEmpty();
        HttpResponse<String> refused = call(stack, "POST", "/enrollments/" + enrollmentId + "/artifacts",
                after.path("token").asText(), "application/json", REFLECTION);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("detail").asText()).contains("not an active member of any organisation");
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(call(stack, "POST", "/microcredentials/" + microCredentialId + "/enrollments",
                after.path("token").asText(), null, null).statusCode()).as("enrolling again").isEqualTo(403);
        HttpResponse<String> stillKept = call(stack, "GET", "/me/enrollments", after.path("token").asText(), null, null);
        assertThat(stillKept.statusCode()).as("her records are kept and hers to read").isEqualTo(200);
        assertThat(json(stillKept).path("items")).extracting(item -> item.path("id").asText()).contains(enrollmentId);
    }

    private static JsonNode signedIn(RunningStack stack, String email) {
        JsonNode users = json(send(stack, stack.request("/_local/tokens"))).path("users");
        for (JsonNode user : users) {
            if (user.path("email").asText().equalsIgnoreCase(email)) {
                return user;
            }
        }
        throw new AssertionError(email + " is not listed at /_local/tokens: " + users);
    }

    private static String tokenOfRole(RunningStack stack, String role) {
        for (JsonNode user : json(send(stack, stack.request("/_local/tokens"))).path("users")) {
            for (JsonNode held : user.path("roles")) {
                if (held.asText().equals(role)) {
                    return user.path("token").asText();
                }
            }
        }
        throw new AssertionError("Nobody with role " + role + " at /_local/tokens");
    }

    private static HttpResponse<String> call(RunningStack stack, String method, String path, String token,
                                             String contentType, String body) {
        HttpRequest.Builder request = stack.request(path).header("authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(stack, request);
    }
}
