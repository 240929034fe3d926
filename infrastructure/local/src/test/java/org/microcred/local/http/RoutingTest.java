package org.microcred.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.fixtures.QuietLogs;
import org.microcred.local.junit.RunningStack;

class RoutingTest {
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
    void request_toUnknownPath_is404ProblemJson() {
        HttpResponse<String> response = send(stack, stack.request("/nothing/here"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://microcred.org/problems/not-found");
        assertThat(problem.path("title").asText()).isEqualTo("Not found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("GET /nothing/here");
        assertThat(problem.path("instance").asText()).isEqualTo("/nothing/here");
    }

    @Test
    void request_withWrongMethod_is405WithAllowHeader() {
        HttpResponse<String> response = send(stack, stack.request("/things/42").DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, PUT");
        assertThat(json(response).path("type").asText()).isEqualTo("https://microcred.org/problems/method-not-allowed");
    }

    @Test
    void request_withTrailingSlash_isNotTheSameRoute() {
        assertThat(send(stack, stack.request("/things/")).statusCode()).isEqualTo(404);
    }

    @Test
    void literalSegment_winsOverPathVariable() {
        HttpResponse<String> response = send(stack, stack.request("/things/special"));

        assertThat(json(response).path("routeKey").asText()).isEqualTo("GET /things/special");
        assertThat(json(send(stack, stack.request("/things/ordinary"))).path("routeKey").asText())
                .isEqualTo("GET /things/{id}");
    }

    @Test
    void pathParameters_areUrlDecoded() {
        JsonNode event = json(send(stack, stack.request("/things/a%20b%2Bc/parts/%C3%A9t%C3%A9")));

        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a b+c");
        assertThat(event.path("pathParameters").path("partId").asText()).isEqualTo("été");
        assertThat(event.path("rawPath").asText()).isEqualTo("/things/a%20b%2Bc/parts/%C3%A9t%C3%A9");
    }

    @Test
    void greedyPathVariable_takesTheRestOfThePath() {
        JsonNode event = json(send(stack, stack.request("/files/org/a/plan.pdf")));

        assertThat(event.path("pathParameters").path("path").asText()).isEqualTo("org/a/plan.pdf");
    }

    @Test
    void handlerException_is500ProblemJson() {
        HttpResponse<String> response = QuietLogs.during(HttpApiHandler.class, () -> send(stack, stack.request("/boom")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(response).path("detail").asText()).contains("BrokenFunction").contains("kaboom");
    }

    @Test
    void handlerClassNotOnClasspath_is500SayingSo() {
        HttpResponse<String> response = QuietLogs.during(HttpApiHandler.class,
                () -> send(stack, stack.request("/missing")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("detail").asText()).contains("NotOnTheClasspath").contains("classpath");
    }

    @Test
    void body_over6MB_is413BeforeAnyHandlerRuns() {
        byte[] body = new byte[HttpApiHandler.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = send(stack, stack.request("/binary")
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("type").asText()).isEqualTo("https://microcred.org/problems/payload-too-large");
    }

    @Test
    void corsPreflight_fromTheTemplatesOrigin_isAnsweredByTheApi() {
        HttpResponse<String> response = send(stack, stack.request("/things")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://app.test.example")
                .header("access-control-request-method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("https://app.test.example");
        assertThat(response.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST,PUT");
        assertThat(response.headers().firstValue("access-control-max-age")).hasValue("600");
    }

    @Test
    void corsPreflight_fromAnotherOrigin_getsNoAllowOrigin() {
        HttpResponse<String> response = send(stack, stack.request("/things")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://evil.example")
                .header("access-control-request-method", "POST"));

        assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void unknownLocalOnlyPath_is404() {
        assertThat(send(stack, stack.request("/_local/nope")).statusCode()).isEqualTo(404);
    }
}
