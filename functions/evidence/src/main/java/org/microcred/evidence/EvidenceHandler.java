package org.microcred.evidence;

import java.time.Clock;
import java.util.Map;
import org.microcred.evidence.model.ArtifactCompletion;
import org.microcred.evidence.model.ArtifactDeclaration;
import org.microcred.evidence.service.EvidenceServices;
import org.microcred.evidence.service.Requirements;
import org.microcred.evidence.service.UploadLimits;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.Submission;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/** EvidenceFunction: learners declare, upload (presigned), confirm and submit evidence; coaches download it. */
public class EvidenceHandler extends HttpFunction {
    /**
     * Submitting never changes a coach's open-enrolment counter, so this function has no
     * organisations table (nor a policy for one); the store is given none.
     */
    private static final String NO_ORGANIZATIONS_TABLE = "";

    /** Used by AWS Lambda. */
    public EvidenceHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public EvidenceHandler(FunctionEnvironment environment) {
        this(services(EvidenceConfig.from(environment), environment, UploadLimits.defaults()));
        Priming.register(this, PrimingRequest.get("/enrollments/{id}/artifacts/{artifactId}/download")
                .with("id", "enr-snapstartpriming0000").with("artifactId", "art-snapstartpriming0000").as(Role.LEARNER));
    }

    public EvidenceHandler(EvidenceServices services) {
        super(Routes.builder()
                .post("/enrollments/{id}/artifacts", request -> {
                    var artifact = services.evidence().declare(request.caller(), request.pathParameter("id"),
                            JsonBody.read(request, ArtifactDeclaration.class));
                    return ApiResponse.json(201, artifact, Map.of("location", "/enrollments/"
                            + request.pathParameter("id") + "/artifacts/" + artifact.artifact().id()));
                })
                .post("/enrollments/{id}/artifacts/{artifactId}/complete", request -> ApiResponse.json(200,
                        services.evidence().complete(request.caller(), request.pathParameter("id"),
                                request.pathParameter("artifactId"), request.body().isBlank()
                                        ? ArtifactCompletion.none() : JsonBody.read(request, ArtifactCompletion.class))))
                .delete("/enrollments/{id}/artifacts/{artifactId}", request -> {
                    services.evidence().remove(request.caller(), request.pathParameter("id"),
                            request.pathParameter("artifactId"));
                    return ApiResponse.respond(204, "application/json", "", Map.of());
                })
                .get("/enrollments/{id}/artifacts/{artifactId}/download", request -> ApiResponse.json(200,
                        services.evidence().download(request.caller(), request.pathParameter("id"),
                                request.pathParameter("artifactId"))))
                .post("/enrollments/{id}/submissions", request -> {
                    Submission submission = services.submitting().submit(request.caller(), request.pathParameter("id"));
                    return ApiResponse.json(201, submission, Map.of("location", "/submissions/" + submission.id()));
                })
                .build());
    }

    /** Wires the real stores; public so tests and benchmarks can choose smaller upload limits. */
    public static EvidenceServices services(EvidenceConfig config, FunctionEnvironment environment, UploadLimits limits) {
        var learning = LearningStore.forEnvironment(environment, config.learningTable(), NO_ORGANIZATIONS_TABLE);
        var files = EvidenceFiles.forEnvironment(environment, config.evidenceBucket());
        var links = new ReviewLinks(ReviewLinkKeys.load(environment), ReviewLinks.DEFAULT_VALIDITY);
        return EvidenceServices.create(learning, new Requirements(PublishedCatalog.forEnvironment(environment, config.catalogTable())),
                ArtifactStore.forEnvironment(environment, config.learningTable()), files, links, limits, config.apiUrl(),
                Clock.systemUTC());
    }
}
