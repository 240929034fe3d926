package org.microcred.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.send;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.EchoHandler;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.junit.RunningStack;

class HttpEventShapeTest {
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
    void event_isPayloadVersion2WithRouteKeyPathAndQuery() {
        send(stack, stack.request("/things/7?q=exit%20tickets&audience=k-12&audience=coaches&flag"));

        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /things/{id}");
        assertThat(event.getRawPath()).isEqualTo("/things/7");
        assertThat(event.getRawQueryString()).isEqualTo("q=exit%20tickets&audience=k-12&audience=coaches&flag");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of(
                "q", "exit tickets", "audience", "k-12,coaches", "flag", ""));
        assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "7"));
    }

    @Test
    void event_withoutQuery_hasEmptyRawQueryAndNoParameters() {
        send(stack, stack.request("/things"));

        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
    }

    @Test
    void headers_areLowerCasedWithCookiesSplitOut() {
        send(stack, stack.request("/things")
                .header("X-Custom-Header", "One")
                .header("Cookie", "a=1; b=2")
                .header("User-Agent", "shape-test/1.0"));

        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        assertThat(event.getHeaders()).containsEntry("x-custom-header", "One")
                .containsEntry("user-agent", "shape-test/1.0")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    }

    @Test
    void requestContext_carriesRequestIdHttpDetailsAndTime() {
        long before = System.currentTimeMillis();
        HttpResponse<String> response = send(stack, stack.request("/things").header("User-Agent", "shape-test/1.0"));

        APIGatewayV2HTTPEvent.RequestContext context = EchoHandler.LAST_EVENT.get().getRequestContext();
        assertThat(context.getRequestId()).isNotBlank()
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.getRouteKey()).isEqualTo("GET /things");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/things");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("shape-test/1.0");
        assertThat(context.getTimeEpoch()).isBetween(before, System.currentTimeMillis());
        assertThat(context.getTime()).matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    }

    @Test
    void jsonBody_isPassedAsText() {
        send(stack, stack.request("/things").header("authorization", "Bearer " + stack.tokenFor("u-test-learner"))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"été\"}")));

        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody()).isEqualTo("{\"title\":\"été\"}");
    }

    @Test
    void binaryBody_isBase64EncodedBothWays() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff};

        HttpResponse<byte[]> response = stack.http().send(stack.request("/binary")
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());

        APIGatewayV2HTTPEvent event = EchoHandler.LAST_EVENT.get();
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void response_headersMultiValueHeadersAndCookiesAreWrittenBack() {
        HttpResponse<String> response = send(stack, stack.request("/things"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly");
    }

    @Test
    void handler_getsItsTemplateEnvironmentAndALambdaContext() {
        HttpResponse<String> response = send(stack, stack.request("/things"));

        assertThat(response.headers().firstValue("x-table")).hasValue("OutboxTable");
        assertThat(response.headers().firstValue("x-greeting")).hasValue("hello-from-globals");
        Context context = EchoHandler.LAST_CONTEXT.get();
        assertThat(context.getFunctionName()).isEqualTo("EchoFunction");
        assertThat(context.getAwsRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.getRemainingTimeInMillis()).isBetween(1, 10_000);
    }

    @Test
    void textBody_isUtf8() {
        send(stack, stack.request("/things").header("authorization", "Bearer " + stack.tokenFor("u-test-learner"))
                .header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("plain ✓", StandardCharsets.UTF_8)));

        assertThat(EchoHandler.LAST_EVENT.get().getBody()).isEqualTo("plain ✓");
        assertThat(EchoHandler.LAST_EVENT.get().getIsBase64Encoded()).isFalse();
    }
}
