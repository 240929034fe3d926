package org.microcred.review.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.CriterionScore;
import org.microcred.records.learning.Decision;
import org.microcred.records.learning.evidence.FileNames;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.model.Rubric;
import org.microcred.review.service.DecisionConflict;
import org.microcred.review.service.ReviewServices;
import org.microcred.review.service.Target;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.FieldError;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.Problems;
import org.microcred.shared.web.EvidenceMediaTypes;
import org.microcred.shared.web.FormGuard;

/**
 * The email-linked review page. The signed token is the only credential: it names one submission
 * and one coach. A bad token gets a page that says so and nothing about the learner.
 */
public final class ReviewPages {
    static final Duration FILE_LINK_VALIDITY = Duration.ofMinutes(5);
    /** What the page needs: its inline style and the evidence shown inline; framing and referrer rules are shared. */
    private static final Map<String, String> HEADERS = Map.of(
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src http: https:; "
                    + "media-src http: https:; object-src http: https:; frame-src http: https:; form-action 'self'");

    private final ReviewServices services;
    private final FormGuard guard;

    public ReviewPages(ReviewServices services) {
        this.services = services;
        this.guard = new FormGuard(services.formKey(), "review-form");
    }

    public APIGatewayV2HTTPResponse show(ApiRequest request) {
        String token = request.pathParameter("token");
        Optional<Target> target = target(token);
        if (target.isEmpty()) {
            return invalidLink();
        }
        Optional<APIGatewayV2HTTPResponse> refused = refused(target.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        Rubric rubric = services.deciding().rubric(target.get().enrollment());
        Optional<Decision> decided = services.reviewing().decision(target.get());
        if (decided.isPresent()) {
            return page(200, PageHtml.decided(target.get(), rubric, decided.get()));
        }
        return form(200, token, target.get(), rubric, Map.of(), List.of());
    }

    public APIGatewayV2HTTPResponse decide(ApiRequest request) {
        String token = request.pathParameter("token");
        Optional<Target> found = target(token);
        if (found.isEmpty()) {
            return invalidLink();
        }
        Target target = found.get();
        Optional<APIGatewayV2HTTPResponse> refused = refused(target);
        if (refused.isPresent()) {
            return refused.get();
        }
        Rubric rubric = services.deciding().rubric(target.enrollment());
        Map<String, String> form = FormBody.parse(request.body());
        if (!guard.verify(token, form.get("nonce"), form.get("csrf"))) {
            return page(403, PageHtml.message("Form expired", "This form could not be verified. Open the review "
                    + "link from your email again and resubmit your decision."));
        }
        try {
            Decision decision = services.deciding().decide(target, request(rubric, form));
            return page(200, PageHtml.decided(target, rubric, decision));
        } catch (DecisionConflict conflict) {
            return page(409, PageHtml.decided(target, rubric, conflict.decision()));
        } catch (DomainException problem) {
            List<String> reasons = new ArrayList<>();
            reasons.add(problem.detail());
            // A 422's detail already names every criterion (by title) or field in words; repeating
            // its errors would say the same thing twice. A 400's detail only counts the problems.
            if (Problems.status(problem) != 422) {
                problem.errors().stream().map(FieldError::message).forEach(reasons::add);
            }
            return form(Problems.status(problem) == 409 ? 409 : 422, token, target, rubric, form, reasons);
        }
    }

    private static DecisionRequest request(Rubric rubric, Map<String, String> form) {
        List<CriterionScore> scores = new ArrayList<>();
        rubric.criteria().forEach(criterion -> {
            String level = form.get("level." + criterion.id());
            if (level != null && !level.isBlank()) {
                scores.add(new CriterionScore(criterion.id(), level, blankToNull(form.get("feedback." + criterion.id()))));
            }
        });
        return new DecisionRequest(form.getOrDefault("outcome", ""), scores, blankToNull(form.get("feedback")));
    }

    /** The submission the token grants, if the token is genuine, unexpired and still for its coach. */
    private Optional<Target> target(String token) {
        Optional<ReviewLinks.Grant> grant = services.links().verify(token, services.clock().instant());
        return grant.flatMap(g -> services.access().find(g.submissionId())
                .filter(target -> target.enrollment().isCoachedBy(g.coachId())));
    }

    /**
     * A genuine link of the enrolment's coach still opens nothing when the coach is the learner
     * (an enrolment from before coach choice refused that) or is no longer an active coach of the
     * organisation: the page says why, and what happens next, without the learner's evidence.
     */
    private Optional<APIGatewayV2HTTPResponse> refused(Target target) {
        return services.access().refusal(target.enrollment(), target.enrollment().coach().id()).map(reason ->
                switch (reason) {
                    case OWN_SUBMISSION -> page(403, PageHtml.message("You cannot review your own submission",
                            "This is your own submission: nobody reviews their own work, so no decision can be "
                                    + "recorded from this link. Your organisation's administrator will assign "
                                    + "another coach; there is nothing you need to do."));
                    case COACH_INACTIVE -> page(403, PageHtml.message("This review link no longer works",
                            "You are no longer an active coach of the organisation that offers this "
                                    + "micro-credential, so this link no longer works. The organisation will "
                                    + "reassign the review to another coach; there is nothing you need to do."));
                });
    }

    private APIGatewayV2HTTPResponse form(int status, String token, Target target, Rubric rubric,
                                          Map<String, String> values, List<String> errors) {
        List<Artifact> artifacts = services.reviewing().artifacts(target);
        Map<String, String> urls = new HashMap<>();
        for (Artifact artifact : artifacts) {
            if (artifact.isDownloadable()) {
                // Shown in place only for passive types; anything else is a download of opaque bytes.
                String disposition = EvidenceMediaTypes.showsInline(artifact.mediaType()) ? "inline"
                        : FileNames.contentDisposition(artifact.fileName());
                urls.put(artifact.id(), services.files().presignGet(artifact.sealedKey(), disposition,
                        EvidenceMediaTypes.servedAs(artifact.mediaType()), FILE_LINK_VALIDITY));
            }
        }
        return page(status, PageHtml.form(target, rubric, artifacts, urls, services.reviewing().earlierDecisions(target),
                guard.issue(token), values, errors));
    }

    private static APIGatewayV2HTTPResponse invalidLink() {
        // Expired links never get here (ReviewHandler answers them with the 410 page), so this page
        // does not offer expiry as a reason.
        return page(403, PageHtml.message("This review link is not valid", "The link is incomplete or was changed, "
                + "or the submission was reassigned to another coach. Ask for a new link, or open the review queue "
                + "in microcred."));
    }

    private static APIGatewayV2HTTPResponse page(int status, String html) {
        return ApiResponse.respond(status, "text/html; charset=utf-8", html, HEADERS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
