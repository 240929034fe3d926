package org.microcred.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every HTML page and SVG image any function answers gets the same strict security headers,
 * added where all responses pass ({@link HttpFunction#dispatch}), whether or not the page asked
 * for them. The badge page and SVG headers below are BadgeHandler's own, as it sets them today.
 */
class SecurityHeadersTest {
    /** BadgeHandler's page headers: a CSP without frame-ancestors, no framing or referrer protection. */
    static final Map<String, String> BADGE_PAGE = Map.of("vary", "accept",
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' http: https:; "
                    + "form-action 'none'; base-uri 'none'");
    /** BadgeHandler's SVG headers. */
    static final Map<String, String> BADGE_SVG = Map.of("cache-control", "public, max-age=86400",
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");

    static final class Pages extends HttpFunction {
        Pages() {
            super(Routes.builder()
                    .get("/print", request -> ApiResponse.respond(200, "text/html; charset=utf-8", "<p>print</p>",
                            Map.of("cache-control", "public, max-age=60")))
                    .get("/badge", request -> ApiResponse.respond(200, "text/html; charset=utf-8", "<p>badge</p>",
                            BADGE_PAGE))
                    .get("/badge.svg", request -> ApiResponse.respond(200, "image/svg+xml; charset=utf-8", "<svg/>",
                            BADGE_SVG))
                    .get("/framable", request -> ApiResponse.respond(200, "text/html", "<p>x</p>", Map.of(
                            "Content-Security-Policy", "frame-ancestors *; default-src 'self'",
                            "X-Frame-Options", "ALLOWALL", "Referrer-Policy", "unsafe-url")))
                    .get("/built", request -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                            .withHeaders(Map.of("Content-Type", "Text/HTML")).withBody("<p>by hand</p>").build())
                    .get("/json", request -> ApiResponse.json(200, Map.of("ok", true)))
                    .get("/html-json", request -> ApiResponse.json(200, Map.of("html", "<p>")))
                    .build());
        }
    }

    private static final Pages PAGES = new Pages();

    private static APIGatewayV2HTTPResponse get(String path) {
        return PAGES.dispatch(APIGatewayV2HTTPEvent.builder().withRouteKey("GET " + path).withRawPath(path).build());
    }

    /** The policy's directives by name. */
    private static Map<String, String> csp(APIGatewayV2HTTPResponse response) {
        return Arrays.stream(response.getHeaders().get("content-security-policy").split(";")).map(String::strip)
                .filter(d -> !d.isEmpty()).collect(Collectors.toMap(d -> d.split("\\s+", 2)[0],
                        d -> d.contains(" ") ? d.split("\\s+", 2)[1] : "", (a, b) -> a + " | " + b, LinkedHashMap::new));
    }

    private static void assertStrict(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = response.getHeaders();
        assertThat(headers).containsEntry("x-frame-options", "DENY").containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-content-type-options", "nosniff");
        Map<String, String> csp = csp(response);
        assertThat(csp).containsEntry("frame-ancestors", "'none'").containsEntry("base-uri", "'none'")
                .containsKeys("default-src", "form-action");
        assertThat(headers.keySet()).as("one header of each name").doesNotContain("Content-Security-Policy",
                "X-Frame-Options", "Referrer-Policy");
    }

    @Test
    void aPageWithoutAPolicy_getsTheStrictBaseline() {
        APIGatewayV2HTTPResponse print = get("/print");

        assertStrict(print);
        assertThat(csp(print)).containsEntry("default-src", "'none'").containsEntry("form-action", "'self'")
                .doesNotContainKey("style-src");
        assertThat(print.getHeaders()).containsEntry("cache-control", "public, max-age=60");
    }

    @Test
    void theBadgePage_keepsItsStricterPolicy_andGainsFramingAndReferrerProtection() {
        APIGatewayV2HTTPResponse badge = get("/badge");

        assertStrict(badge);
        assertThat(csp(badge)).containsEntry("default-src", "'none'").containsEntry("style-src", "'unsafe-inline'")
                .containsEntry("img-src", "'self' http: https:").containsEntry("form-action", "'none'");
        assertThat(badge.getHeaders()).containsEntry("vary", "accept");
    }

    @Test
    void theBadgeSvg_getsTheSameHeaders() {
        APIGatewayV2HTTPResponse svg = get("/badge.svg");

        assertStrict(svg);
        assertThat(csp(svg)).containsEntry("default-src", "'none'").containsEntry("style-src", "'unsafe-inline'");
        assertThat(svg.getHeaders()).containsEntry("cache-control", "public, max-age=86400");
    }

    @Test
    void aPageAskingToBeFramed_isNotFramable_whateverItsOwnHeadersSay() {
        APIGatewayV2HTTPResponse framable = get("/framable");

        assertStrict(framable);
        assertThat(csp(framable)).containsEntry("default-src", "'self'");
    }

    @Test
    void aPageBuiltWithoutApiResponse_isCoveredToo() {
        assertStrict(get("/built"));
    }

    @Test
    void jsonResponses_areLeftAsTheyWere() {
        for (String path : new String[] {"/json", "/html-json"}) {
            Map<String, String> headers = get(path).getHeaders();
            assertThat(headers).doesNotContainKeys("content-security-policy", "x-frame-options", "referrer-policy");
            assertThat(headers).containsEntry("x-content-type-options", "nosniff");
        }
        assertThat(get("/nowhere").getHeaders()).doesNotContainKey("content-security-policy");
    }
}
