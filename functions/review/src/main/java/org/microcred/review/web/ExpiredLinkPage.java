package org.microcred.review.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.web.Html;

/**
 * 410 for a genuine review link whose time is up: the coach did nothing wrong, so the page says
 * what happened and what to do next. Forged or altered links keep the 403 page that says nothing.
 */
public final class ExpiredLinkPage {
    /** No form here; framing and referrer rules are shared (SecurityHeaders). */
    private static final Map<String, String> HEADERS = Map.of(
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'",
            "cache-control", "no-store");

    private final String webAppUrl;

    public ExpiredLinkPage(String webAppUrl) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    }

    public APIGatewayV2HTTPResponse render() {
        String heading = "This review link has expired";
        String main = "<h1>" + Html.escape(heading) + "</h1>\n"
                + "<p>Review links work for 14 days, and this one is older. The submission is still waiting for "
                + "you.</p>\n<h2>What you can do</h2>\n<ul>\n"
                + "<li>Sign in to microcred and open your review queue: every submission waiting for you is there, "
                + "with a fresh link. <a href=\"" + Html.escape(webAppUrl) + "\">Open microcred</a></li>\n"
                + "<li>Wait for the next reminder email: coaches get one each working day for reviews that have "
                + "waited longer than their organisation's target, with new links.</li>\n"
                + "<li>Or ask your organisation's administrator to send you a new link.</li>\n</ul>\n";
        return ApiResponse.respond(410, "text/html; charset=utf-8", PageHtml.document(heading, main), HEADERS);
    }
}
