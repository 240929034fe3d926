package org.microcred.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.catalog.support.Documents;
import org.microcred.catalog.support.Requests;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.shared.json.Json;

/**
 * {@code GET /orgs/{orgId}/microcredentials}: an organisation's admins find their own
 * micro-credentials in every state, a draft saved yesterday included, through the real handler
 * against DynamoDB Local (index ByAuthor of template.yaml).
 */
@ExtendWith(EmulatorsExtension.class)
class AuthoredListApiTest {
    private static final String LIST = "/orgs/{orgId}/microcredentials";
    private static CatalogAdminHandler admin;

    @BeforeAll
    static void startFunctions(TestStack stack) {
        admin = new CatalogAdminHandler(stack.environment("CatalogAdminFunction"));
    }

    @Test
    void list_showsDraftsPublishedAndRetired_withRevisionAndVersion_newestEditFirst() {
        String org = "org-authors-all";
        String published = create(org, "Wait time after questions");
        call(Requests.post("/microcredentials/{id}/publish", "/microcredentials/" + published + "/publish")
                .id(published).adminOf(org), 200);
        String retired = create(org, "Seating charts that work");
        call(Requests.post("/microcredentials/{id}/publish", "/microcredentials/" + retired + "/publish")
                .id(retired).adminOf(org), 200);
        call(Requests.post("/microcredentials/{id}/retire", "/microcredentials/" + retired + "/retire")
                .id(retired).adminOf(org), 200);
        String draft = create(org, "Half-finished draft about feedback");
        create("org-someone-else", "Not ours");

        JsonNode page = body(call(list(org, null).adminOf(org), 200));

        assertThat(page.get("items")).extracting(item -> item.get("id").asText())
                .containsExactly(draft, retired, published);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo("Half-finished draft about feedback");
        assertThat(first.get("status").asText()).isEqualTo("draft");
        assertThat(first.get("revision").asLong()).isEqualTo(1);
        assertThat(first.has("latestVersion")).as("never published: no version").isFalse();
        assertThat(first.get("unpublishedChanges").asBoolean()).isTrue();
        JsonNode last = page.get("items").get(2);
        assertThat(last.get("status").asText()).isEqualTo("published");
        assertThat(last.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(last.get("unpublishedChanges").asBoolean()).isFalse();
    }

    @Test
    void list_withStatus_keepsOnlyThatState() {
        String org = "org-authors-status";
        String draft = create(org, "Only a draft");
        String published = create(org, "Published one");
        call(Requests.post("/microcredentials/{id}/publish", "/microcredentials/" + published + "/publish")
                .id(published).adminOf(org), 200);

        assertThat(body(call(list(org, "draft").adminOf(org), 200)).get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(draft);
        assertThat(body(call(list(org, "published").adminOf(org), 200)).get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(published);
    }

    @Test
    void list_pagesWithCursor_andRefusesACursorOfAnotherOrganisation() {
        String org = "org-authors-paged";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(org, "Paged draft number " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Requests request = list(org, null).query("limit", "2").adminOf(org);
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = body(call(request, 200));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created).hasSize(5);

        String foreignCursor = body(call(list(org, null).query("limit", "1").adminOf(org), 200))
                .get("nextCursor").asText();
        JsonNode problem = body(call(list("org-authors-status", null).query("cursor", foreignCursor)
                .adminOf("org-authors-status"), 400));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    }

    @Test
    void list_byLearnerOrAnotherOrganisationsAdmin_isForbidden() {
        String org = "org-authors-private";
        create(org, "Private draft");

        call(list(org, null).as("u-learner", org, "learner"), 403);
        call(list(org, null).adminOf("org-other"), 403);
    }

    @Test
    void list_withUnknownStatus_isA400NamingTheField() {
        JsonNode problem = body(call(list("org-authors-bad", "archived").adminOf("org-authors-bad"), 400));

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("status");
    }

    private static Requests list(String org, String status) {
        Requests request = Requests.get(LIST, "/orgs/" + org + "/microcredentials").pathParameter("orgId", org);
        return status == null ? request : request.query("status", status);
    }

    private static String create(String org, String title) {
        APIGatewayV2HTTPResponse response = call(Requests.post("/microcredentials", "/microcredentials")
                .adminOf(org).json(Documents.withTitle(title)), 201);
        return body(response).get("id").asText();
    }

    private static APIGatewayV2HTTPResponse call(Requests request, int expectedStatus) {
        APIGatewayV2HTTPResponse response = admin.handleRequest(request.event(), new LambdaTestContext("catalog-test"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }
}
