package org.microcred.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.catalog.support.Documents;
import org.microcred.catalog.support.Requests;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.shared.json.Json;

/**
 * The catalog's behaviour through its two real handlers, against DynamoDB Local with the
 * tables template.yaml declares: authoring, quality criteria, versions, search and errors.
 */
@ExtendWith(EmulatorsExtension.class)
class CatalogApiTest {
    private static final String RIVERBEND = "org-riverbend";
    private static CatalogReadHandler reader;
    private static CatalogAdminHandler admin;

    private static TestStack stack;

    @BeforeAll
    static void startFunctions(TestStack testStack) {
        stack = testStack;
        // Refresh on every search, so a test sees its own publish at once (deployed: within a second).
        reader = new CatalogReadHandler(stack.environment("CatalogReadFunction").with("CATALOG_SEARCH_REFRESH_MILLIS", "0"));
        admin = new CatalogAdminHandler(stack.environment("CatalogAdminFunction"));
    }

    @Test
    void publish_thenAnyoneFindsItAndReadsItInFull() {
        String id = createAndPublish(RIVERBEND, Documents.withTitle("Hinge questions for whole-class checks"));

        JsonNode page = body(read(Requests.get("/microcredentials", "/microcredentials").query("q", "hinge")));
        assertThat(page.get("items")).extracting(item -> item.get("id").asText()).contains(id);

        JsonNode detail = body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id)));
        assertThat(detail.get("version").asInt()).isEqualTo(1);
        assertThat(detail.get("status").asText()).isEqualTo("published");
        assertThat(detail.get("competency").asText()).startsWith("The educator designs exit tickets");
        assertThat(detail.get("rubric")).hasSize(2);
        assertThat(detail.get("evidenceRequirements").get(0).get("maxSizeBytes").asLong()).isEqualTo(26214400L);
    }

    @Test
    void detail_rightAfterPublish_isFoundEvenWithinTheSearchRefreshInterval() {
        CatalogReadHandler lazyReader = new CatalogReadHandler(stack.environment("CatalogReadFunction")
                .with("CATALOG_SEARCH_REFRESH_MILLIS", "600000"));
        assertThat(lazyReader.dispatch(Requests.get("/microcredentials", "/microcredentials").event()).getStatusCode())
                .isEqualTo(200);

        String id = createAndPublish(RIVERBEND, Documents.withTitle("Shared right after publishing"));

        APIGatewayV2HTTPResponse detail = lazyReader.dispatch(
                Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id).event());
        assertThat(detail.getStatusCode()).as(detail.getBody()).isEqualTo(200);
    }

    @Test
    void search_ranksTitleMatchesFirst() {
        ObjectNode inDescription = Documents.exitTicketsJson();
        inDescription.put("title", "Quiet signals for transitions");
        inDescription.put("description", "Pairs well with a zanzibar routine.");
        String describedOnly = createAndPublish(RIVERBEND, Json.mapper().convertValue(inDescription,
                org.microcred.records.catalog.MicroCredentialDocument.class));
        String titled = createAndPublish(RIVERBEND, Documents.withTitle("Zanzibar routines for calm starts"));

        JsonNode page = body(read(Requests.get("/microcredentials", "/microcredentials").query("q", "Zanzibar")));

        assertThat(page.get("items")).extracting(item -> item.get("id").asText()).containsExactly(titled, describedOnly);
    }

    @Test
    void search_pagesThroughEveryResultOnceWithTheCursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createAndPublish(RIVERBEND, Documents.withTitle("Paging quokka lesson " + i)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Requests request = Requests.get("/microcredentials", "/microcredentials").query("q", "quokka").query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = body(read(request));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void search_badCursorLimitOrFilter_isA400NamingTheParameter() {
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("cursor", "not-a-cursor")), 400, "cursor");
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("limit", "0")), 400, "limit");
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("limit", "ten")), 400, "limit");
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("collection", "Bad Slug")), 400, "collection");
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("q", "x".repeat(201))), 400, "q");
    }

    @Test
    void search_cursorFromAnotherSearch_isRejected() {
        for (int i = 0; i < 3; i++) {
            createAndPublish(RIVERBEND, Documents.withTitle("Cursor wombat " + i));
        }
        String cursor = body(read(Requests.get("/microcredentials", "/microcredentials").query("q", "wombat")
                .query("limit", "1"))).get("nextCursor").asText();

        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("q", "other")
                .query("cursor", cursor)), 400, "cursor");
    }

    @Test
    void filters_byCollectionAndAudience() {
        ObjectNode json = Documents.exitTicketsJson();
        json.put("title", "Lighthouse leadership walkthroughs");
        json.put("collection", "school-leadership");
        json.putArray("audiences").add("principals");
        String id = createAndPublish(RIVERBEND, Json.mapper().convertValue(json, org.microcred.records.catalog.MicroCredentialDocument.class));

        JsonNode leadership = body(read(Requests.get("/microcredentials", "/microcredentials")
                .query("collection", "school-leadership").query("audience", "principals").query("limit", "100")));
        JsonNode formative = body(read(Requests.get("/microcredentials", "/microcredentials")
                .query("q", "lighthouse").query("collection", "formative-assessment")));

        assertThat(leadership.get("items")).extracting(item -> item.get("id").asText()).containsExactly(id);
        assertThat(formative.get("items")).isEmpty();
    }

    @Test
    void publishAgain_makesVersionTwoAndVersionOneStaysAsItWas() {
        String id = createAndPublish(RIVERBEND, Documents.withTitle("Versioned think-pair-share"));
        ObjectNode edited = Documents.exitTicketsJson();
        edited.put("title", "Versioned think-pair-share, revised");
        assertThat(admin(Requests.put("/microcredentials/{id}", "/microcredentials/" + id).id(id).adminOf(RIVERBEND)
                .json(edited)).getStatusCode()).isEqualTo(200);

        JsonNode beforePublish = body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id)));
        assertThat(beforePublish.get("title").asText()).isEqualTo("Versioned think-pair-share");

        JsonNode published = body(admin(Requests.post("/microcredentials/{id}/publish", "/microcredentials/" + id + "/publish")
                .id(id).adminOf(RIVERBEND)));
        assertThat(published.get("latestVersion").asInt()).isEqualTo(2);

        JsonNode latest = body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id)));
        JsonNode first = body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id).query("version", "1")));
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("title").asText()).isEqualTo("Versioned think-pair-share, revised");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("title").asText()).isEqualTo("Versioned think-pair-share");
        assertProblem(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id).query("version", "3")), 404, null);
    }

    @Test
    void publish_withoutChanges_isAConflict() {
        String id = createAndPublish(RIVERBEND, Documents.withTitle("Publish twice"));

        assertProblem(admin(Requests.post("/microcredentials/{id}/publish", "/microcredentials/" + id + "/publish")
                .id(id).adminOf(RIVERBEND)), 409, null);
    }

    @Test
    void publish_incompleteDraft_listsEveryFailedCriterionAndPublishesNothing() {
        ObjectNode json = Documents.exitTicketsJson();
        json.put("title", "Incomplete aardvark draft");
        json.remove("keyMethod");
        json.putArray("competencies");
        json.putArray("rubric");
        String id = create(RIVERBEND, json);

        APIGatewayV2HTTPResponse response = admin(Requests.post("/microcredentials/{id}/publish",
                "/microcredentials/" + id + "/publish").id(id).adminOf(RIVERBEND));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response).get("errors")).extracting(error -> error.get("field").asText())
                .contains("competencies", "keyMethod", "rubric", "evidenceRequirements[0]", "evidenceRequirements[1]");
        assertProblem(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id)), 404, null);
        assertThat(body(read(Requests.get("/microcredentials", "/microcredentials").query("q", "aardvark"))).get("items")).isEmpty();
    }

    @Test
    void retire_removesItFromSearchButKeepsItReadable() {
        String id = createAndPublish(RIVERBEND, Documents.withTitle("Retiring narwhal routine"));

        JsonNode retired = body(admin(Requests.post("/microcredentials/{id}/retire", "/microcredentials/" + id + "/retire")
                .id(id).adminOf(RIVERBEND)));

        assertThat(retired.get("status").asText()).isEqualTo("retired");
        assertThat(body(read(Requests.get("/microcredentials", "/microcredentials").query("q", "narwhal"))).get("items")).isEmpty();
        assertThat(body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id))).get("status").asText())
                .isEqualTo("retired");
        assertProblem(admin(Requests.post("/microcredentials/{id}/retire", "/microcredentials/" + id + "/retire")
                .id(id).adminOf(RIVERBEND)), 409, null);
    }

    @Test
    void authoring_byLearnerOrAnonymous_isRefused() {
        APIGatewayV2HTTPResponse learner = admin(Requests.post("/microcredentials", "/microcredentials")
                .as("learner-1", RIVERBEND, "learner").json(Documents.exitTickets()));
        APIGatewayV2HTTPResponse anonymous = admin(Requests.post("/microcredentials", "/microcredentials")
                .json(Documents.exitTickets()));
        String id = create(RIVERBEND, Documents.exitTicketsJson());
        APIGatewayV2HTTPResponse learnerPublish = admin(Requests.post("/microcredentials/{id}/publish",
                "/microcredentials/" + id + "/publish").id(id).as("learner-1", RIVERBEND, "learner"));

        assertProblem(learner, 403, null);
        assertProblem(anonymous, 401, null);
        assertProblem(learnerPublish, 403, null);
    }

    @Test
    void authoring_anotherOrganisationsMicroCredential_isForbiddenAndChangesNothing() {
        String id = createAndPublish(RIVERBEND, Documents.withTitle("Owned by Riverbend"));
        ObjectNode hijack = Documents.exitTicketsJson();
        hijack.put("title", "Hijacked");

        assertProblem(admin(Requests.put("/microcredentials/{id}", "/microcredentials/" + id).id(id)
                .adminOf("org-lakeshore").json(hijack)), 403, null);
        assertProblem(admin(Requests.post("/microcredentials/{id}/retire", "/microcredentials/" + id + "/retire")
                .id(id).adminOf("org-lakeshore")), 403, null);
        assertThat(body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id))).get("title").asText())
                .isEqualTo("Owned by Riverbend");
    }

    @Test
    void badBodies_areClear4xxNamingTheProblem() {
        Requests base = Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND);
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND)
                .rawBody("{\"title\": ", "application/json")), 400, null);
        ObjectNode unknown = Documents.exitTicketsJson();
        unknown.put("colour", "blue");
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).json(unknown)), 400, "colour");
        ObjectNode wrongType = Documents.exitTicketsJson();
        wrongType.put("creditHours", "ten");
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).json(wrongType)), 400, "creditHours");
        ObjectNode badKind = Documents.exitTicketsJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) badKind.get("evidenceRequirements").get(0).get("kinds")).add("smoke-signal");
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).json(badKind)), 400,
                "evidenceRequirements[0].kinds[2]");
        assertProblem(admin(base.rawBody("{}", "text/plain")), 415, null);
        ObjectNode huge = Documents.exitTicketsJson();
        huge.put("description", "x".repeat(300_000));
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).json(huge)), 413, null);
        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).rawBody("[]", "application/json")), 400, null);
    }

    @Test
    void search_cursorThatDecodesToJsonNull_isA400NamingTheCursor() {
        // "bnVsbA" is base64url for the JSON text null.
        assertProblem(read(Requests.get("/microcredentials", "/microcredentials").query("cursor", "bnVsbA")), 400, "cursor");
    }

    @Test
    void create_numberForTheTitle_isA400NotSavedAsText() {
        ObjectNode numbered = Documents.exitTicketsJson();
        numbered.put("title", 5);

        APIGatewayV2HTTPResponse response = admin(Requests.post("/microcredentials", "/microcredentials")
                .adminOf(RIVERBEND).json(numbered));

        assertProblem(response, 400, "title");
        assertThat(body(response).get("detail").asText()).contains("must be a string");
    }

    @Test
    void create_withAJsonLookingContentType_isA415() {
        for (String contentType : List.of("application/jsonx", "application/json-patch+json")) {
            assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND)
                    .rawBody(Json.write(Documents.exitTicketsJson()), contentType)), 415, null);
        }
    }

    @Test
    void create_titleWithALineBreak_isA400NamingTheTitle() {
        ObjectNode twoLines = Documents.exitTicketsJson();
        twoLines.put("title", "Exit tickets\r\nBcc: everyone@example.org");

        assertProblem(admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND).json(twoLines)),
                400, "title");
    }

    @Test
    void badBodies_neverNameInternalClasses() {
        ObjectNode nullCriterion = Documents.exitTicketsJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) nullCriterion.get("rubric")).addNull();
        ObjectNode nullAudience = Documents.exitTicketsJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) nullAudience.get("audiences")).addNull();

        for (ObjectNode document : List.of(nullCriterion, nullAudience)) {
            APIGatewayV2HTTPResponse response = admin(Requests.post("/microcredentials", "/microcredentials")
                    .adminOf(RIVERBEND).json(document));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
            assertThat(response.getBody()).doesNotContain("org.microcred", "java.", "Exception", "`");
        }
    }

    @Test
    void update_withStaleIfMatch_isRefusedWith412() {
        String id = create(RIVERBEND, Documents.exitTicketsJson());
        ObjectNode edit = Documents.exitTicketsJson();
        edit.put("title", "First edit");
        assertThat(admin(Requests.put("/microcredentials/{id}", "/microcredentials/" + id).id(id).adminOf(RIVERBEND)
                .header("If-Match", "\"1\"").json(edit)).getStatusCode()).isEqualTo(200);

        edit.put("title", "Lost update");
        assertProblem(admin(Requests.put("/microcredentials/{id}", "/microcredentials/" + id).id(id).adminOf(RIVERBEND)
                .header("If-Match", "\"1\"").json(edit)), 412, null);
    }

    @Test
    void create_retriedWithTheSameIdempotencyKey_returnsTheSameDraft() {
        ObjectNode json = Documents.exitTicketsJson();
        APIGatewayV2HTTPResponse first = admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND)
                .header("Idempotency-Key", "retry-me-123").json(json));
        APIGatewayV2HTTPResponse retry = admin(Requests.post("/microcredentials", "/microcredentials").adminOf(RIVERBEND)
                .header("Idempotency-Key", "retry-me-123").json(json));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(body(retry).get("id")).isEqualTo(body(first).get("id"));
    }

    @Test
    void publish_tenAtOnce_makesExactlyOneVersion() throws Exception {
        String id = create(RIVERBEND, Documents.exitTicketsJson());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                // Ten function instances, as Lambda would run for ten simultaneous clicks.
                CatalogAdminHandler instance = new CatalogAdminHandler(stack.environment("CatalogAdminFunction"));
                Callable<Integer> publish = () -> instance.dispatch(Requests.post("/microcredentials/{id}/publish",
                        "/microcredentials/" + id + "/publish").id(id).adminOf(RIVERBEND).event()).getStatusCode();
                outcomes.add(pool.submit(publish));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(body(read(Requests.get("/microcredentials/{id}", "/microcredentials/" + id).id(id))).get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void unknownOrMalformedIds_are404() {
        assertProblem(read(Requests.get("/microcredentials/{id}", "/microcredentials/no-such-thing-abc123").id("no-such-thing-abc123")), 404, null);
        assertProblem(read(Requests.get("/microcredentials/{id}", "/microcredentials/..%2F").id("../")), 404, null);
        assertProblem(admin(Requests.put("/microcredentials/{id}", "/microcredentials/nope-abcdef").id("nope-abcdef")
                .adminOf(RIVERBEND).json(Documents.exitTickets())), 404, null);
        assertProblem(read(Requests.get("/microcredentials/{id}", "/microcredentials/x").id("abc").query("version", "first")), 400, "version");
    }

    @Test
    void printPage_isEscapedHtmlWithClickableResourceLinks() {
        ObjectNode json = Documents.exitTicketsJson();
        json.put("title", "Print <script>alert(1)</script> & more");
        String id = createAndPublish(RIVERBEND, Json.mapper().convertValue(json, org.microcred.records.catalog.MicroCredentialDocument.class));

        APIGatewayV2HTTPResponse page = read(Requests.get("/microcredentials/{id}/print", "/microcredentials/" + id + "/print").id(id));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(page.getBody())
                .contains("<h1>Print &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>")
                .doesNotContain("<script>")
                .contains("<a href=\"https://www.edutopia.org/article/formative-assessment\"")
                .contains("Proficient (passing)");
    }

    @Test
    void printPage_allowsOnlyItsOwnStyleSheet_andCannotBeFramedOrLeakItsAddress() throws Exception {
        String id = createAndPublish(RIVERBEND, Documents.exitTickets());

        APIGatewayV2HTTPResponse page = read(Requests.get("/microcredentials/{id}/print", "/microcredentials/" + id + "/print").id(id));

        String csp = page.getHeaders().get("content-security-policy");
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline");
        String style = page.getBody().substring(page.getBody().indexOf("<style>") + 7, page.getBody().indexOf("</style>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(csp).as("the style sheet's hash, so browsers apply it").contains("style-src 'sha256-" + hash + "'");
        assertThat(page.getBody()).as("nothing the policy would block").doesNotContain("<img", "<script", " style=",
                "<iframe", "<link");
        assertThat(page.getHeaders()).containsEntry("x-frame-options", "DENY").containsEntry("referrer-policy",
                "no-referrer").containsEntry("x-content-type-options", "nosniff");
    }

    // ---------------------------------------------------------------- helpers

    private static String create(String organizationId, Object document) {
        APIGatewayV2HTTPResponse response = admin(Requests.post("/microcredentials", "/microcredentials")
                .adminOf(organizationId).json(document));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return body(response).get("id").asText();
    }

    private static String createAndPublish(String organizationId, Object document) {
        String id = create(organizationId, document);
        APIGatewayV2HTTPResponse published = admin(Requests.post("/microcredentials/{id}/publish",
                "/microcredentials/" + id + "/publish").id(id).adminOf(organizationId));
        assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);
        return id;
    }

    private static APIGatewayV2HTTPResponse read(Requests request) {
        return reader.handleRequest(request.event(), new LambdaTestContext("catalog-test"));
    }

    private static APIGatewayV2HTTPResponse admin(Requests request) {
        return admin.handleRequest(request.event(), new LambdaTestContext("catalog-test"));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("https://microcred.org/problems/");
        if (field != null) {
            assertThat(problem.get("errors")).extracting(error -> error.get("field").asText()).contains(field);
        }
    }
}
