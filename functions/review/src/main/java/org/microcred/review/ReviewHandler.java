package org.microcred.review;

import java.time.Clock;
import java.util.Map;
import org.microcred.enrollment.store.LearningStore;
import org.microcred.enrollment.store.OrganizationStore;
import org.microcred.evidence.EvidenceConfig;
import org.microcred.evidence.service.ReviewLinks;
import org.microcred.evidence.store.ArtifactStore;
import org.microcred.evidence.store.EvidenceFiles;
import org.microcred.evidence.store.ReviewLinkKeys;
import org.microcred.review.model.DecisionRequest;
import org.microcred.review.service.DecisionConflict;
import org.microcred.review.service.ReviewServices;
import org.microcred.review.store.DecisionStore;
import org.microcred.review.store.RubricStore;
import org.microcred.review.web.ReviewPages;
import org.microcred.shared.aws.AwsClients;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Routes;
import org.microcred.shared.json.Json;

/** ReviewFunction: coaches' queue, submissions with their rubric, decisions, and the email-linked review page. */
public class ReviewHandler extends HttpFunction {
    /** Used by AWS Lambda. */
    public ReviewHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public ReviewHandler(FunctionEnvironment environment) {
        this(services(environment));
    }

    public ReviewHandler(ReviewServices services) {
        this(services, new ReviewPages(services));
    }

    private ReviewHandler(ReviewServices services, ReviewPages pages) {
        super(Routes.builder()
                .get("/coach/reviews", request -> ApiResponse.json(200,
                        Map.of("items", services.reviewing().queue(request.caller()))))
                .get("/submissions/{id}", request -> ApiResponse.json(200, services.reviewing().submission(
                        services.access().asReader(request.caller(), request.pathParameter("id")))))
                .post("/submissions/{id}/decision", request -> {
                    var target = services.access().asCoach(request.caller(), request.pathParameter("id"));
                    try {
                        return ApiResponse.json(200, services.deciding().decide(target,
                                JsonBody.read(request, DecisionRequest.class)));
                    } catch (DecisionConflict conflict) {
                        return ApiResponse.respond(409, "application/problem+json", Json.write(Map.of(
                                "type", conflict.type(), "title", conflict.title(), "status", 409,
                                "detail", conflict.detail(), "instance", request.path(),
                                "requestId", request.requestId(), "decision", conflict.decision())), Map.of());
                    }
                })
                .get("/review/{token}", pages::show)
                .post("/review/{token}", pages::decide)
                .build());
    }

    /** Wires the real stores from the function's environment. */
    public static ReviewServices services(FunctionEnvironment environment) {
        ReviewConfig config = ReviewConfig.from(environment);
        var dynamoDb = AwsClients.dynamoDb(environment);
        byte[] key = ReviewLinkKeys.load(environment, EvidenceConfig.from(environment));
        return ReviewServices.create(new LearningStore(dynamoDb, config.learningTable(), config.organizationsTable()),
                new OrganizationStore(dynamoDb, config.organizationsTable()),
                new ArtifactStore(dynamoDb, config.learningTable()), new DecisionStore(dynamoDb, config.learningTable()),
                new RubricStore(dynamoDb, config.catalogTable()),
                EvidenceFiles.forEnvironment(environment, config.evidenceBucket()),
                new ReviewLinks(key, ReviewLinks.DEFAULT_VALIDITY), key,
                environment.required("WEB_APP_URL"), Clock.systemUTC());
    }
}
