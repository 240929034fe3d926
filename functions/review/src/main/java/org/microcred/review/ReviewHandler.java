package org.microcred.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.service.DecisionConflict;
import org.microcred.review.service.OrganizationDirectory;
import org.microcred.review.service.ReviewServices;
import org.microcred.review.service.Rubrics;
import org.microcred.review.web.ExpiredLinkPage;
import org.microcred.review.web.ReviewPages;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/**
 * ReviewFunction: coaches' queue, submissions with their rubric, decisions, the email-linked
 * review page, and an organisation's waiting reviews against its feedback target.
 */
public class ReviewHandler extends HttpFunction {
    /** Used by AWS Lambda. */
    public ReviewHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public ReviewHandler(FunctionEnvironment environment) {
        this(environment, Clock.systemUTC());
    }

    /** With another clock: tests that need a review to have waited for days. */
    public ReviewHandler(FunctionEnvironment environment, Clock clock) {
        this(services(environment, clock));
        Priming.register(this, PrimingRequest.get("/coach/reviews").as(Role.COACH),
                PrimingRequest.get("/submissions/{id}").with("id", "enr-snapstartpriming0000.1").as(Role.COACH),
                PrimingRequest.get("/review/{token}").header("accept", "text/html"));
    }

    public ReviewHandler(ReviewServices services) {
        this(services, new ReviewPages(services), new ExpiredLinkPage(services.webAppUrl()));
    }

    private ReviewHandler(ReviewServices services, ReviewPages pages, ExpiredLinkPage expired) {
        super(Routes.builder()
                .get("/coach/reviews", request -> ApiResponse.json(200,
                        Map.of("items", services.reviewing().queue(request.caller()))))
                .get("/submissions/{id}", request -> ApiResponse.json(200, services.reviewing().submission(
                        services.access().asReader(request.caller(), request.pathParameter("id")))))
                // A second decision is a DecisionConflict: answered 409 with the decision on record.
                .post("/submissions/{id}/decision", request -> {
                    var target = services.access().asCoach(request.caller(), request.pathParameter("id"));
                    return ApiResponse.json(200, services.deciding().decide(target,
                            JsonBody.read(request, DecisionRequest.class)));
                })
                .get("/review/{token}", request -> unlessExpired(services, expired, request, pages::show))
                .post("/review/{token}", request -> unlessExpired(services, expired, request, pages::decide))
                .get("/orgs/{orgId}/reviews/overdue", request -> ApiResponse.json(200,
                        services.overdue().report(request.caller(), request.pathParameter("orgId"))))
                .build());
    }

    /** A genuine link past its time gets the 410 page that says so; everything else goes to the page. */
    private static APIGatewayV2HTTPResponse unlessExpired(ReviewServices services, ExpiredLinkPage expired,
                                                          ApiRequest request,
                                                          Function<ApiRequest, APIGatewayV2HTTPResponse> page) {
        if (services.links().isExpired(request.pathParameter("token"), services.clock().instant())) {
            return expired.render();
        }
        return page.apply(request);
    }

    /** Wires the real stores from the function's environment. */
    public static ReviewServices services(FunctionEnvironment environment, Clock clock) {
        ReviewConfig config = ReviewConfig.from(environment);
        var organizations = OrganizationsTable.forEnvironment(environment, config.organizationsTable());
        byte[] key = ReviewLinkKeys.load(environment);
        return ReviewServices.create(LearningStore.forEnvironment(environment, config.learningTable(), config.organizationsTable()),
                new OrganizationDirectory(organizations), new CoachPools(organizations),
                ArtifactStore.forEnvironment(environment, config.learningTable()), DecisionStore.forEnvironment(environment, config.learningTable()),
                new Rubrics(PublishedCatalog.forEnvironment(environment, config.catalogTable())),
                EvidenceFiles.forEnvironment(environment, config.evidenceBucket()),
                new ReviewLinks(key, ReviewLinks.DEFAULT_VALIDITY), key, config.webAppUrl(), clock);
    }
}
