package org.microcred.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.microcred.catalog.service.CatalogAccess;
import org.microcred.catalog.service.CatalogAuthoring;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Paging;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/**
 * CatalogAdminFunction: organisation admins create, edit, publish and retire micro-credentials,
 * and list their own (drafts included).
 */
public class CatalogAdminHandler extends HttpFunction {

    /** Used by AWS Lambda. */
    public CatalogAdminHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public CatalogAdminHandler(FunctionEnvironment environment) {
        this(new CatalogAuthoring(CatalogStore.forEnvironment(environment,
                CatalogConfig.from(environment).catalogTable()), Clock.systemUTC()));
        Priming.register(this, PrimingRequest.get("/orgs/{orgId}/microcredentials").as(Role.ORG_ADMIN));
    }

    public CatalogAdminHandler(CatalogAuthoring authoring) {
        super(Routes.builder()
                .post("/microcredentials", request -> create(authoring, request))
                .put("/microcredentials/{id}", request -> update(authoring, request))
                .post("/microcredentials/{id}/publish", request -> ApiResponse.json(200,
                        authoring.publish(request.caller(), request.pathParameter("id"))))
                .post("/microcredentials/{id}/retire", request -> ApiResponse.json(200,
                        authoring.retire(request.caller(), request.pathParameter("id"))))
                .get("/orgs/{orgId}/microcredentials", request -> ApiResponse.json(200,
                        authoring.authoredBy(request.caller(), request.pathParameter("orgId"), status(request),
                                Paging.cursor(request), Paging.limit(request))))
                .build());
    }

    private static APIGatewayV2HTTPResponse create(CatalogAuthoring authoring, ApiRequest request) {
        CatalogAccess.requireAuthor(request.caller());
        MicroCredentialDocument document = JsonBody.read(request, MicroCredentialDocument.class);
        CatalogAuthoring.Created created = authoring.create(request.caller(), document,
                request.header("idempotency-key").filter(key -> !key.isBlank()));
        return ApiResponse.json(created.isNew() ? 201 : 200, created.view(),
                Map.of("location", "/microcredentials/" + created.view().id()));
    }

    private static APIGatewayV2HTTPResponse update(CatalogAuthoring authoring, ApiRequest request) {
        CatalogAccess.requireAuthor(request.caller());
        Optional<Long> expectedRevision = ifMatch(request);
        MicroCredentialDocument document = JsonBody.read(request, MicroCredentialDocument.class);
        return ApiResponse.json(200, authoring.update(request.caller(), request.pathParameter("id"), document,
                expectedRevision));
    }

    private static Optional<CatalogStatus> status(ApiRequest request) {
        return request.queryParameter("status").filter(value -> !value.isEmpty()).map(value -> {
            for (CatalogStatus status : CatalogStatus.values()) {
                if (status.json().equals(value)) {
                    return status;
                }
            }
            throw new Invalid("status", "must be one of draft, published, retired");
        });
    }

    /** {@code If-Match: "3"} (or 3, or W/"3") names the revision the client edited. */
    private static Optional<Long> ifMatch(ApiRequest request) {
        return request.header("if-match").map(raw -> {
            String revision = raw.strip().replaceFirst("^W/", "").replace("\"", "");
            if (!revision.matches("\\d{1,18}")) {
                throw new Malformed("If-Match must carry the draft revision you edited, e.g. If-Match: \"3\".");
            }
            return Long.parseLong(revision);
        });
    }
}
