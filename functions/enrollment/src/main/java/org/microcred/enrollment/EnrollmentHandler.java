package org.microcred.enrollment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import org.microcred.enrollment.model.AssignCoachRequest;
import org.microcred.enrollment.model.EnrollRequest;
import org.microcred.enrollment.service.Enrolling;
import org.microcred.enrollment.service.EnrollmentAccess;
import org.microcred.enrollment.service.EnrollmentServices;
import org.microcred.enrollment.service.Offerings;
import org.microcred.enrollment.service.Organizations;
import org.microcred.enrollment.service.WaitingReviewLinks;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Paging;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/** EnrollmentFunction: educators enrol (alone or with their PLC), follow and withdraw; admins assign and reassign coaches. */
public class EnrollmentHandler extends HttpFunction {
    /** Shaped like an enrolment id, so priming reaches the table; no enrolment has it. */
    private static final String PRIMING_ENROLLMENT = "enr-snapstartpriming0000";

    /** Used by AWS Lambda. */
    public EnrollmentHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public EnrollmentHandler(FunctionEnvironment environment) {
        this(services(EnrollmentConfig.from(environment), environment));
        Priming.register(this, PrimingRequest.get("/me/enrollments").as(Role.LEARNER),
                PrimingRequest.get("/enrollments/{id}").with("id", PRIMING_ENROLLMENT).as(Role.LEARNER));
    }

    public EnrollmentHandler(EnrollmentServices services) {
        super(Routes.builder()
                .post("/microcredentials/{id}/enrollments", request -> enroll(services.enrolling(), request))
                .get("/me/enrollments", request -> ApiResponse.json(200, services.queries().mine(request.caller(),
                        Paging.limit(request), Paging.cursor(request))))
                .get("/enrollments/{id}", request -> ApiResponse.json(200,
                        services.queries().detail(request.caller(), request.pathParameter("id"))))
                .delete("/enrollments/{id}", request -> ApiResponse.json(200,
                        services.changes().withdraw(request.caller(), request.pathParameter("id"))))
                .put("/enrollments/{id}/coach", request -> {
                    EnrollmentAccess.requireAnyAdmin(request.caller());
                    return ApiResponse.json(200, services.changes().assignCoach(request.caller(),
                            request.pathParameter("id"), JsonBody.read(request, AssignCoachRequest.class)));
                })
                .get("/orgs/{orgId}/enrollments", request -> ApiResponse.json(200, services.queries().organization(
                        request.caller(), request.pathParameter("orgId"), status(request), Paging.limit(request),
                        Paging.cursor(request))))
                .build());
    }

    private static EnrollmentServices services(EnrollmentConfig config, FunctionEnvironment environment) {
        return EnrollmentServices.create(new Offerings(PublishedCatalog.forEnvironment(environment, config.catalogTable())),
                new Organizations(OrganizationsTable.forEnvironment(environment, config.organizationsTable())),
                LearningStore.forEnvironment(environment, config.learningTable(), config.organizationsTable()),
                config.webAppUrl(), new WaitingReviewLinks(() -> new ReviewLinks(ReviewLinkKeys.load(environment),
                        ReviewLinks.DEFAULT_VALIDITY), config.apiUrl()), Clock.systemUTC());
    }

    private static APIGatewayV2HTTPResponse enroll(Enrolling enrolling, ApiRequest request) {
        // Role before body: someone who may not enrol learns that, not how to fix their JSON.
        EnrollmentAccess.requireLearner(request.caller());
        EnrollRequest body = request.body().isBlank() ? EnrollRequest.alone() : JsonBody.read(request, EnrollRequest.class);
        Enrolling.Enrolled enrolled = enrolling.enroll(request.caller(), request.pathParameter("id"), body);
        return ApiResponse.json(enrolled.isNew() ? 201 : 200, enrolled.view(),
                Map.of("location", "/enrollments/" + enrolled.view().id()));
    }

    private static EnrollmentStatus status(ApiRequest request) {
        String raw = request.queryParameter("status").filter(value -> !value.isEmpty()).orElseThrow(() ->
                new Invalid("status", "is required, e.g. status=awaiting-coach"));
        return EnrollmentStatus.fromJson(raw).filter(status -> status != EnrollmentStatus.ENROLLED)
                .orElseThrow(() -> new Invalid("status", "must be one of awaiting-coach, in-progress, "
                        + "submitted, under-review, needs-revision, mastered, withdrawn"));
    }
}
