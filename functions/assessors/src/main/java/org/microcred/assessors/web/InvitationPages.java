package org.microcred.assessors.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.service.Accepting;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.Problems;
import org.microcred.shared.web.FormGuard;
import org.microcred.shared.web.Html;

/**
 * The email-linked invitation page: what being an assessor means, the calibration requirement,
 * and an Accept button. Server-rendered, no script; the signed link is the only credential and
 * the form carries an anti-forgery field. A forged or outdated link learns nothing (403); a
 * genuine expired one says so (410).
 */
public final class InvitationPages {
    /** Its inline style and its own form; framing and referrer rules are shared (SecurityHeaders). */
    private static final Map<String, String> HEADERS = Map.of(
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    private static final String STYLE = "body{font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#1f2933;"
            + "margin:0 auto;padding:1rem;max-width:48rem}button{font-size:1rem;padding:.6rem 1rem;margin:.5rem 0}";

    private final Accepting accepting;
    private final AssessorStore store;
    private final FormGuard guard;
    private final String webAppUrl;

    public InvitationPages(Accepting accepting, AssessorStore store, FormGuard guard, String webAppUrl) {
        this.accepting = accepting;
        this.store = store;
        this.guard = guard;
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    }

    public APIGatewayV2HTTPResponse show(ApiRequest request) {
        String token = request.pathParameter("token");
        if (accepting.isExpired(token)) {
            return expired();
        }
        Optional<Assessor> invitation = accepting.invitation(token);
        if (invitation.isEmpty()) {
            return invalid();
        }
        if (invitation.get().status() != AssessorStatus.INVITED) {
            return page(200, "Invitation accepted", accepted(invitation.get(), true));
        }
        return page(200, "Become an assessor", invitationHtml(invitation.get(), guard.issue(token)));
    }

    public APIGatewayV2HTTPResponse accept(ApiRequest request) {
        String token = request.pathParameter("token");
        if (accepting.isExpired(token)) {
            return expired();
        }
        Optional<Assessor> invitation = accepting.invitation(token);
        if (invitation.isEmpty()) {
            return invalid();
        }
        if (invitation.get().status() != AssessorStatus.INVITED) {
            return page(200, "Invitation accepted", accepted(invitation.get(), true));
        }
        Map<String, String> form = form(request.body());
        if (!guard.verify(token, form.get("nonce"), form.get("csrf"))) {
            return page(403, "Form expired", message("Form expired", "This form could not be verified. Open the "
                    + "invitation link from your email again and accept it there."));
        }
        try {
            return page(200, "Invitation accepted", accepted(accepting.accept(invitation.get()), false));
        } catch (DomainException problem) {
            return page(Problems.status(problem), problem.title(), message(problem.title(), problem.detail()));
        }
    }

    private String invitationHtml(Assessor invitation, FormGuard.Fields fields) {
        String organization = store.organizationName(invitation.organizationId()).orElse(invitation.organizationId());
        return "<h1>Become an assessor for " + Html.escape(invitation.microCredentialTitle()) + "</h1>\n"
                + "<p>" + Html.escape(organization) + " invites you, " + Html.escape(invitation.name())
                + ", to assess the micro-credential you earned.</p>\n"
                + "<h2>What an assessor does</h2>\n<ul>\n"
                + "<li>You join your organisation's coach pool for this micro-credential.</li>\n"
                + "<li>You review other educators' evidence against the rubric, give feedback on each criterion and "
                + "decide: mastery, or a revision with what to change.</li>\n"
                + "<li>Learners are assigned to the coach with the fewest open learners, so your load stays "
                + "balanced.</li>\n</ul>\n"
                + "<h2>Calibration comes first</h2>\n"
                + "<p>Before your first live review you score a calibration set: submissions that senior coaches "
                + "have already decided, shown without the learners' names. Your levels are compared with theirs. "
                + "You start live reviews once your agreement reaches Cohen's kappa "
                + Html.escape(Double.toString(invitation.minimumKappa()))
                + (invitation.minimumExactAgreement() == null ? "" : " and exact agreement "
                        + Math.round(invitation.minimumExactAgreement() * 100) + "%") + ".</p>\n"
                + "<form method=\"post\">\n"
                + "<input type=\"hidden\" name=\"nonce\" value=\"" + Html.escape(fields.nonce()) + "\">\n"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(fields.mac()) + "\">\n"
                + "<button type=\"submit\">Accept the invitation</button>\n</form>\n"
                + "<p>Not for you? Ignore the email; nothing changes. The link works until "
                + Html.escape(invitation.linkExpiresAt()) + ".</p>\n";
    }

    private String accepted(Assessor assessor, boolean before) {
        String title = Html.escape(assessor.microCredentialTitle());
        String status = assessor.isLive()
                ? "<p>You passed calibration and take live reviews for " + title + ".</p>\n"
                : "<p>You are in the coach pool for " + title + ", calibrating: you get no live reviews for it until "
                        + "your calibration is passed.</p>\n";
        return "<h1>" + (before ? "You accepted this invitation" : "Welcome, assessor") + "</h1>\n" + status
                + "<h2>What happens next</h2>\n<ol>\n"
                + "<li>Sign in to microcred and open your calibration: each submission of the set is shown with its "
                + "evidence and the rubric.</li>\n"
                + "<li>Score every criterion and choose the outcome, as you would in a live review. Each submission "
                + "is scored once.</li>\n"
                + "<li>When you have scored them all, your agreement with the senior coaches' decisions is computed. "
                + "If it reaches the minimum you are emailed and start getting learners.</li>\n</ol>\n"
                + "<p><a href=\"" + Html.escape(webAppUrl) + "\">Open microcred</a></p>\n";
    }

    private APIGatewayV2HTTPResponse invalid() {
        return page(403, "Invitation link not valid", message("This invitation link is not valid", "The link is "
                + "broken or was replaced by a newer invitation. Use the link in the latest invitation email, or ask "
                + "your organisation's administrator to invite you again."));
    }

    private APIGatewayV2HTTPResponse expired() {
        return page(410, "Invitation expired", message("This invitation has expired", "Invitation links work for "
                + "14 days, and this one is older. Ask your organisation's administrator to invite you again: you "
                + "will get a new link."));
    }

    private static String message(String heading, String text) {
        return "<h1>" + Html.escape(heading) + "</h1>\n<p>" + Html.escape(text) + "</p>\n";
    }

    private static APIGatewayV2HTTPResponse page(int status, String title, String main) {
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + Html.escape(title) + "</title><style>"
                + STYLE + "</style></head>\n<body><main>\n" + main + "</main></body></html>\n";
        return ApiResponse.respond(status, "text/html; charset=utf-8", html, HEADERS);
    }

    /** An {@code application/x-www-form-urlencoded} body; the first value of a repeated name wins. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                fields.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed escape is dropped; the guard then fails and the page says so.
            }
        }
        return fields;
    }
}
