package org.microcred.assessors;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.microcred.assessors.model.CalibrationSetRequest;
import org.microcred.assessors.model.InviteRequest;
import org.microcred.assessors.model.ScoreRequest;
import org.microcred.assessors.service.AssessorReport;
import org.microcred.assessors.service.AssessorServices;
import org.microcred.assessors.service.CatalogReader;
import org.microcred.assessors.service.Inviting;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgesTable;
import org.microcred.assessors.store.SubmissionReader;
import org.microcred.assessors.web.InvitationLinks;
import org.microcred.assessors.web.InvitationPages;
import org.microcred.assessors.web.ReportCsv;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.DecisionStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.crypto.Hmac;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;
import org.microcred.shared.web.FormGuard;

/**
 * AssessorFunction: the assessor leadership pathway. Org admins invite badge holders and choose
 * calibration sets; invitees accept on an email-linked page; assessors score the calibration
 * set; admins read the agreement report (JSON or CSV).
 */
public class AssessorHandler extends HttpFunction {
    /** Used by AWS Lambda. */
    public AssessorHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public AssessorHandler(FunctionEnvironment environment) {
        this(environment, Clock.systemUTC());
    }

    /** With another clock: tests of expired links. */
    public AssessorHandler(FunctionEnvironment environment, Clock clock) {
        this(environment, clock, ReviewLinkKeys.load(environment));
        Priming.register(this, PrimingRequest.get("/assessor/calibration").as(Role.COACH));
    }

    /** The link secret is read once (one Secrets Manager call in AWS) and feeds both derived keys. */
    private AssessorHandler(FunctionEnvironment environment, Clock clock, byte[] linkSecret) {
        this(services(environment, clock, linkSecret), environment, linkSecret);
    }

    private AssessorHandler(AssessorServices services, FunctionEnvironment environment, byte[] linkSecret) {
        this(services, new InvitationPages(services.accepting(), services.store(), acceptGuard(linkSecret),
                AssessorConfig.from(environment).webAppUrl()));
    }

    /**
     * The accept form's guard, keyed by a key derived for that form alone, so its MACs never
     * pass as link tokens signed from the same secret, nor the other way round.
     */
    private static FormGuard acceptGuard(byte[] linkSecret) {
        return new FormGuard(Hmac.derive(linkSecret, "assessor-accept-form"), "assessor-accept");
    }

    public AssessorHandler(AssessorServices services, InvitationPages pages) {
        super(Routes.builder()
                .post("/orgs/{orgId}/assessor-invitations", request -> {
                    Inviting.Invited invited = services.inviting().invite(request.caller(),
                            request.pathParameter("orgId"), JsonBody.read(request, InviteRequest.class));
                    return ApiResponse.json(invited.written() ? 201 : 200, invited.assessor());
                })
                .get("/assessor-invitations/{token}", pages::show)
                .post("/assessor-invitations/{token}", pages::accept)
                .put("/orgs/{orgId}/calibration-sets/{microCredentialId}", request -> ApiResponse.json(200,
                        services.sets().replace(request.caller(), request.pathParameter("orgId"),
                                request.pathParameter("microCredentialId"),
                                JsonBody.read(request, CalibrationSetRequest.class))))
                .get("/orgs/{orgId}/calibration-sets/{microCredentialId}", request -> ApiResponse.json(200,
                        services.sets().current(request.caller(), request.pathParameter("orgId"),
                                request.pathParameter("microCredentialId"))))
                .get("/assessor/calibration", request -> ApiResponse.json(200,
                        Map.of("items", services.calibrating().mine(request.caller()))))
                .post("/assessor/calibration/{microCredentialId}/scores", request -> ApiResponse.json(201,
                        services.calibrating().score(request.caller(), request.pathParameter("microCredentialId"),
                                JsonBody.read(request, ScoreRequest.class))))
                .get("/orgs/{orgId}/reports/assessors", request -> report(services, request))
                .build());
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse report(
            AssessorServices services, ApiRequest request) {
        String format = request.queryParameter("format").map(f -> f.trim().toLowerCase(Locale.ROOT)).orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new Invalid("format", "must be json or csv.");
        }
        AssessorReport.Report report = services.report().report(request.caller(), request.pathParameter("orgId"));
        if (format.equals("csv")) {
            return ApiResponse.respond(200, "text/csv; charset=utf-8; header=present", ReportCsv.of(report),
                    Map.of("content-disposition", "attachment; filename=\"assessors-"
                            + report.organizationId().replaceAll("[^A-Za-z0-9-]", "") + ".csv\""));
        }
        return ApiResponse.json(200, report);
    }

    /** Wires the real stores from the function's environment. */
    public static AssessorServices services(FunctionEnvironment environment, Clock clock, byte[] linkSecret) {
        AssessorConfig config = AssessorConfig.from(environment);
        var dynamoDb = DynamoDbClients.forEnvironment(environment);
        LearningStore learning = new LearningStore(dynamoDb, config.learningTable(), config.organizationsTable());
        return AssessorServices.create(new AssessorStore(dynamoDb, config.organizationsTable()),
                new BadgeRecords(BadgesTable.forEnvironment(environment, config.badgesTable())), new CatalogReader(new PublishedCatalog(dynamoDb, config.catalogTable())),
                new SubmissionReader(learning, new ArtifactStore(dynamoDb, config.learningTable()),
                        new DecisionStore(dynamoDb, config.learningTable())),
                learning, EvidenceFiles.forEnvironment(environment, config.evidenceBucket()),
                new InvitationLinks(linkSecret, InvitationLinks.DEFAULT_VALIDITY),
                config.apiUrl(), config.webAppUrl(), clock);
    }
}
