package org.microcred.local.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.junit.RunningStack;
import org.microcred.shared.identity.Role;

class DevTokensTest {
    private static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = RunningStack.start(Fixtures.options());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void tokens_listEveryDemoUserWithRolesOrganisationAndASignedToken() {
        HttpResponse<String> response = send(stack, stack.request("/_local/tokens"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("issuer").asText()).isEqualTo(stack.baseUri() + "/_local/issuer");
        assertThat(Instant.parse(body.path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(11 * 3600));
        JsonNode admin = body.path("users").get(1);
        assertThat(admin.path("id").asText()).isEqualTo("u-test-admin");
        assertThat(admin.path("organizationId").asText()).isEqualTo("org-test");
        assertThat(admin.path("organizationName").asText()).isEqualTo("Test District");
        assertThat(admin.path("roles").toString()).isEqualTo("[\"org-admin\",\"coach\"]");
        assertThat(body.path("users")).hasSize(2);
    }

    @Test
    void listedToken_isAcceptedByTheAuthorizer() {
        String token = json(send(stack, stack.request("/_local/tokens"))).path("users").get(0).path("token").asText();

        HttpResponse<String> response = send(stack, stack.request("/things")
                .header("authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenForRoleAndOrganisation_withoutSuchDemoUser_stillSignsIn() {
        HttpResponse<String> response = send(stack, stack.request("/things")
                .header("authorization", "Bearer " + stack.tokenFor(Role.PLATFORM_ADMIN, "org-elsewhere"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("requestContext").path("authorizer").path("jwt").path("claims")
                .path("custom:orgId").asText()).isEqualTo("org-elsewhere");
    }

    @Test
    void jwks_publishesThePublicSigningKeyOnly() {
        JsonNode keys = json(send(stack, stack.request("/_local/issuer/.well-known/jwks.json"))).path("keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("kty").asText()).isEqualTo("EC");
        assertThat(keys.get(0).has("d")).isFalse();
    }
}
