package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.shared.identity.Role;

/**
 * The real template, the real catalog handlers and the real demo data: seeding already pushed
 * every demo document through the quality rules, so a start at all means the demo data is valid.
 */
@WithLocalStack(seeded = true)
class CatalogEndToEndTest {

    @Test
    void listMicroCredentials_returnsThePublishedDemoCatalogAsJson(RunningStack stack) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials?limit=50"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode items = json(response).path("items");
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).path("id").asText()).isNotBlank();
        assertThat(items.get(0).path("title").asText()).isNotBlank();
    }

    @Test
    void getMicroCredential_ofAListedId_returnsThePublishedDocument(RunningStack stack) {
        String id = json(send(stack, stack.request("/microcredentials"))).path("items").get(0).path("id").asText();

        HttpResponse<String> response = send(stack, stack.request("/microcredentials/" + id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("published");
    }

    @Test
    void printPage_throughTheLocalApi_carriesTheSecurityHeaders(RunningStack stack) {
        String id = json(send(stack, stack.request("/microcredentials"))).path("items").get(0).path("id").asText();

        HttpResponse<String> page = send(stack, stack.request("/microcredentials/" + id + "/print"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertStrictPageHeaders(page);
    }

    /** What every HTML page and SVG image gets from the shared SecurityHeaders, as a browser receives it. */
    static void assertStrictPageHeaders(HttpResponse<String> response) {
        assertThat(response.headers().allValues("content-security-policy")).singleElement().satisfies(csp ->
                assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'",
                        "form-action"));
        assertThat(response.headers().allValues("x-frame-options")).containsExactly("DENY");
        assertThat(response.headers().allValues("referrer-policy")).containsExactly("no-referrer");
        assertThat(response.headers().allValues("x-content-type-options")).containsExactly("nosniff");
    }

    @Test
    void createMicroCredential_withoutToken_is401BeforeTheHandler(RunningStack stack) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void createMicroCredential_asLearner_isForbiddenByTheHandler(RunningStack stack) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials")
                .header("authorization", "Bearer " + stack.tokenFor(Role.LEARNER, "org-riverbend"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }
}
