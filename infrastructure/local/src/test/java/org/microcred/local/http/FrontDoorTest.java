package org.microcred.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.EchoHandler;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.fixtures.RawHttp;
import org.microcred.local.junit.RunningStack;

/** What reaches the local API before routing: malformed request lines, and everything else unchanged. */
class FrontDoorTest {
    private static RunningStack stack;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        stack = RunningStack.start(Fixtures.options());
        raw = new RawHttp(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void malformedPercentEscape_inThePathOrQuery_is400ProblemJsonNotAnHtmlPage() {
        for (String target : List.of("/things/%zz", "/things/42%", "/things?q=%E0%A4%A", "/things?q=%")) {
            RawHttp.Response response = raw.send("GET", target, List.of(), null);

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.contentType()).as(target).isEqualTo("application/problem+json");
            JsonNode problem = readTree(response);
            assertThat(problem.path("type").asText()).isEqualTo("https://microcred.org/problems/bad-request");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asText()).contains("%");
            assertThat(response.body()).doesNotContain("<h1>", "Exception");
        }
    }

    @Test
    void malformedHeaders_are400ProblemJsonNotAnHtmlPage() {
        for (Map.Entry<String, String> header : List.of(Map.entry("Bad Header", "x"), Map.entry("Content-Length", "ten"),
                Map.entry("Transfer-Encoding", "gzip"))) {
            RawHttp.Response response = raw.send("GET", "/things", List.of(header), null);

            assertThat(response.status()).as(header.getKey()).isEqualTo(400);
            assertThat(response.contentType()).as(header.getKey()).isEqualTo("application/problem+json");
            assertThat(response.body()).doesNotContain("<h1>", "Exception");
        }
    }

    @Test
    void wellFormedEscapes_stillReachTheHandlerDecoded() {
        RawHttp.Response response = raw.send("GET", "/things/caf%C3%A9%2F1", List.of(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(EchoHandler.LAST_EVENT.get().getPathParameters()).containsEntry("id", "café/1");
    }

    @Test
    void requestWithABody_isPassedThroughWhole_andTheConnectionClosedAfterTheAnswer() {
        String body = "{\"text\":\"" + "x".repeat(200_000) + "\"}";

        HttpResponse<String> response = send(stack, stack.request("/things")
                .header("authorization", "Bearer " + stack.tokenFor("u-test-admin"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EchoHandler.LAST_EVENT.get().getBody().getBytes(StandardCharsets.UTF_8)).hasSize(body.length());
        assertThat(response.headers().firstValue("connection")).hasValue("close");
    }

    private static JsonNode readTree(RawHttp.Response response) {
        try {
            return Fixtures.MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
