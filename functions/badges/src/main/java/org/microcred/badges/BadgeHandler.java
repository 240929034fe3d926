package org.microcred.badges;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.Revocation;
import org.microcred.badges.model.RevokeRequest;
import org.microcred.badges.service.BadgeAccess;
import org.microcred.badges.service.BadgeServices;
import org.microcred.badges.web.BadgePage;
import org.microcred.records.badges.BadgeEmailOutbox;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.BadgesTable;
import org.microcred.records.badges.IssuerRecords;
import org.microcred.badges.service.RevocationConflict;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.http.ApiRequest;
import org.microcred.shared.http.ApiResponse;
import org.microcred.shared.http.HttpFunction;
import org.microcred.shared.http.JsonBody;
import org.microcred.shared.http.Paging;
import org.microcred.shared.http.Routes;
import org.microcred.shared.identity.Role;
import org.microcred.shared.json.Json;
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/**
 * BadgeFunction: the public side of issued badges (verification page and JSON, the signed
 * credential, baked images, Open Badges 2.0 hosted documents, issuer profiles and keys, the
 * revocation list), the learner's "my achievements" and revocation by an org admin.
 */
public class BadgeHandler extends HttpFunction {
    private static final Map<String, String> VARY_ACCEPT = Map.of("vary", "accept");
    /** The page has no scripts, forms or third-party assets; the policy makes an injection inert anyway. */
    private static final Map<String, String> PAGE_HEADERS = Map.of("vary", "accept",
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' http: https:; "
                    + "form-action 'none'; base-uri 'none'");
    /** A baked image never changes (the signed credential is immutable); its status is checked elsewhere. */
    private static final Map<String, String> IMMUTABLE = Map.of("cache-control", "public, max-age=86400");
    /** An SVG opened on its own is a document; it has no scripts, and this keeps it that way. */
    private static final Map<String, String> SVG_HEADERS = Map.of("cache-control", "public, max-age=86400",
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");

    /** Used by AWS Lambda. */
    public BadgeHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public BadgeHandler(FunctionEnvironment environment) {
        this(services(BadgeConfig.from(environment), environment));
        Priming.register(this, PrimingRequest.get("/badges/{id}").with("id", "bdg-" + "0".repeat(24)),
                PrimingRequest.get("/me/badges").as(Role.LEARNER));
    }

    public BadgeHandler(BadgeServices services) {
        super(Routes.builder()
                .get("/badges/{id}", request -> page(services, request))
                .get("/badges/{id}/verify", request -> ApiResponse.json(200,
                        services.reading().verify(badge(services, request))))
                .get("/badges/{id}/credential", request -> credential(services, request))
                .get("/badges/{id}/image.png", request -> png(services, request))
                .get("/badges/{id}/image.svg", request -> svg(services, request))
                .get("/badges/{id}/assertion", request -> assertion(services, request))
                .post("/badges/{id}/revoke", request -> revoke(services, request))
                .get("/issuers/{orgId}", request -> ApiResponse.json(200,
                        services.issuers().profile(request.pathParameter("orgId"))))
                .get("/issuers/{orgId}/jwks", request -> ApiResponse.respond(200, "application/jwk-set+json",
                        Json.write(services.issuers().jwks(request.pathParameter("orgId"))), Map.of()))
                .get("/issuers/{orgId}/keys/{keyId}", request -> ApiResponse.respond(200, "application/jwk+json",
                        Json.write(services.issuers().key(request.pathParameter("orgId"),
                                request.pathParameter("keyId"))), Map.of()))
                .get("/issuers/{orgId}/ob2", request -> ApiResponse.json(200,
                        services.issuers().openBadges2Issuer(request.pathParameter("orgId"))))
                .get("/issuers/{orgId}/badgeclasses/{microCredentialId}", request -> ApiResponse.json(200,
                        services.issuers().badgeClass(request.pathParameter("orgId"),
                                request.pathParameter("microCredentialId"))))
                .get("/issuers/{orgId}/revocations", request -> ApiResponse.json(200,
                        services.issuers().revocations(request.pathParameter("orgId"))))
                .get("/me/badges", request -> ApiResponse.json(200, services.myBadges().mine(request.caller(),
                        Paging.limit(request), Paging.cursor(request))))
                .build());
    }

    /** Wires the real stores from the function's environment. */
    public static BadgeServices services(BadgeConfig config, FunctionEnvironment environment) {
        var dynamoDb = DynamoDbClients.forEnvironment(environment);
        BadgesTable badges = BadgesTable.forEnvironment(environment, config.badgesTable());
        return BadgeServices.create(new BadgeRecords(badges, new BadgeEmailOutbox(config.learningTable())),
                new IssuerRecords(badges), PublishedCatalog.forEnvironment(environment, config.catalogTable()),
                new OrganizationProfiles(OrganizationsTable.forEnvironment(environment, config.organizationsTable())),
                config.apiUrl(), Clock.systemUTC());
    }

    private static Badge badge(BadgeServices services, ApiRequest request) {
        return services.reading().find(request.pathParameter("id"));
    }

    private static APIGatewayV2HTTPResponse page(BadgeServices services, ApiRequest request) {
        var view = services.reading().view(badge(services, request));
        return request.acceptsJson() ? ApiResponse.json(200, view, VARY_ACCEPT)
                : ApiResponse.respond(200, "text/html; charset=utf-8", BadgePage.render(view), PAGE_HEADERS);
    }

    /**
     * The signed credential: the compact VC-JWT as text by default (or as {@code application/vc+jwt}
     * when asked for); when JSON is asked for, the credential with its embedded eddsa-rdfc-2022
     * proof (the unsigned JSON only for badges issued before embedded proofs).
     */
    private static APIGatewayV2HTTPResponse credential(BadgeServices services, ApiRequest request) {
        Badge badge = badge(services, request);
        String accept = request.header("accept").orElse("").toLowerCase(Locale.ROOT);
        if (accept.contains("application/vc+jwt")) {
            return ApiResponse.respond(200, "application/vc+jwt", badge.credentialJwt(), VARY_ACCEPT);
        }
        if (accept.contains("application/vc+ld+json+jwt")) {
            return ApiResponse.respond(200, "application/vc+ld+json+jwt", badge.credentialJwt(), VARY_ACCEPT);
        }
        String json = badge.credentialWithProof() == null || badge.credentialWithProof().isBlank()
                ? badge.credential() : badge.credentialWithProof();
        if (accept.contains("application/vc+ld+json")) {
            return ApiResponse.respond(200, "application/vc+ld+json", json, VARY_ACCEPT);
        }
        if (accept.contains("application/json") || accept.contains("application/vc")) {
            return ApiResponse.respond(200, "application/json", json, VARY_ACCEPT);
        }
        return ApiResponse.respond(200, "text/plain; charset=utf-8", badge.credentialJwt(), VARY_ACCEPT);
    }

    private static APIGatewayV2HTTPResponse png(BadgeServices services, ApiRequest request) {
        boolean openBadges2 = openBadges2(request);
        byte[] png = services.images().png(badge(services, request), openBadges2);
        Map<String, String> headers = new LinkedHashMap<>(IMMUTABLE);
        headers.put("content-type", "image/png");
        headers.put("x-content-type-options", "nosniff");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(png)).withIsBase64Encoded(true).build();
    }

    private static APIGatewayV2HTTPResponse svg(BadgeServices services, ApiRequest request) {
        boolean openBadges2 = openBadges2(request);
        return ApiResponse.respond(200, "image/svg+xml; charset=utf-8",
                services.images().svg(badge(services, request), openBadges2), SVG_HEADERS);
    }

    /** {@code ?ob=2} asks for the Open Badges 2.0 baked variant; none or {@code ob=3} for 3.0. */
    private static boolean openBadges2(ApiRequest request) {
        String ob = request.queryParameter("ob").orElse("3");
        if (!ob.equals("2") && !ob.equals("3")) {
            throw new Invalid("ob", "must be 2 (Open Badges 2.0 baking) or 3 (Open Badges 3.0, the default)");
        }
        return ob.equals("2");
    }

    private static APIGatewayV2HTTPResponse assertion(BadgeServices services, ApiRequest request) {
        Badge badge = badge(services, request);
        if (badge.revoked()) {
            return ApiResponse.json(410, services.openBadges2().revokedAssertion(badge));
        }
        return ApiResponse.json(200, services.openBadges2().assertion(badge));
    }

    private static APIGatewayV2HTTPResponse revoke(BadgeServices services, ApiRequest request) {
        BadgeAccess.requireSignedInToRevoke(request.caller());
        Badge badge = badge(services, request);
        BadgeAccess.requireRevoker(request.caller(), badge);
        RevokeRequest body = JsonBody.read(request, RevokeRequest.class);
        // A badge already revoked is a RevocationConflict: answered 409 with the revocation on record.
        Revocation revocation = services.revoking().revoke(request.caller(), badge, body);
        return ApiResponse.json(200, Map.of("badgeId", revocation.badgeId(), "status", Badge.REVOKED,
                "revokedAt", revocation.revokedAt(), "reason", revocation.reason()));
    }
}
