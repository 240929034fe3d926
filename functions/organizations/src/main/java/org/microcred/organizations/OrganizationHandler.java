package org.microcred.organizations;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.organizations.model.CoachPoolRequest;
import org.microcred.organizations.model.MemberPatch;
import org.microcred.organizations.model.MemberRequest;
import org.microcred.organizations.model.MemberView;
import org.microcred.organizations.model.OrganizationRequest;
import org.microcred.organizations.model.OrganizationView;
import org.microcred.organizations.roster.RosterConfig;
import org.microcred.organizations.roster.RosterFiles;
import org.microcred.organizations.roster.RosterImportRoutes;
import org.microcred.organizations.roster.RosterImportService;
import org.microcred.organizations.service.CoachPoolService;
import org.microcred.organizations.service.MemberDirectory;
import org.microcred.organizations.service.MemberRules;
import org.microcred.organizations.service.OrganizationAccess;
import org.microcred.organizations.service.OrganizationServices;
import org.microcred.organizations.service.Organizations;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.learning.CoachedEnrollments;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.Members;
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
import org.microcred.shared.snapstart.Priming;
import org.microcred.shared.snapstart.PrimingRequest;

/**
 * OrganizationFunction: platform admins create organisations; org admins run their own:
 * settings, members (with sign-in accounts), roster imports and coach pools.
 */
public class OrganizationHandler extends HttpFunction {

    /** Used by AWS Lambda. */
    public OrganizationHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Used by the local stack, which runs every function in one JVM with its own environment. */
    public OrganizationHandler(FunctionEnvironment environment) {
        this(services(OrganizationConfig.from(environment), environment,
                CognitoUserAccounts.from(environment)));
        Priming.register(this, PrimingRequest.get("/orgs/{orgId}").as(Role.ORG_ADMIN),
                PrimingRequest.get("/orgs/{orgId}/members").as(Role.ORG_ADMIN));
    }

    public OrganizationHandler(OrganizationServices services) {
        super(routes(services).build());
    }

    static Routes.Builder routes(OrganizationServices services) {
        Organizations organizations = services.organizations();
        MemberDirectory members = services.members();
        CoachPoolService pools = services.pools();
        Routes.Builder builder = Routes.builder()
                .post("/orgs", request -> {
                    OrganizationAccess.requirePlatformAdmin(request.caller());
                    OrganizationView created = organizations.create(request.caller(),
                            JsonBody.read(request, OrganizationRequest.class));
                    return ApiResponse.json(201, created, Map.of("location", "/orgs/" + created.id(),
                            "etag", etag(created.revision())));
                })
                .get("/orgs", request -> ApiResponse.json(200, organizations.list(request.caller(),
                        Paging.cursor(request), Paging.limit(request))))
                .get("/orgs/{orgId}", request -> {
                    OrganizationView view = organizations.get(request.caller(), request.pathParameter("orgId"));
                    return ApiResponse.json(200, view, Map.of("etag", etag(view.revision())));
                })
                .put("/orgs/{orgId}", request -> {
                    String organizationId = request.pathParameter("orgId");
                    OrganizationAccess.requireAdminOf(request.caller(), organizationId);
                    Optional<Long> ifMatch = Headers.ifMatch(request);
                    OrganizationView view = organizations.update(request.caller(), organizationId,
                            JsonBody.read(request, OrganizationRequest.class), ifMatch);
                    return ApiResponse.json(200, view, Map.of("etag", etag(view.revision())));
                })
                .post("/orgs/{orgId}/members", request -> {
                    String organizationId = request.pathParameter("orgId");
                    OrganizationAccess.requireAdminOf(request.caller(), organizationId);
                    MemberView added = members.add(request.caller(), organizationId,
                            MemberRules.input(JsonBody.read(request, MemberRequest.class)));
                    return ApiResponse.json(201, added, Map.of("location", "/orgs/" + organizationId + "/members/"
                            + added.userId(), "etag", etag(added.revision())));
                })
                .get("/orgs/{orgId}/members", request -> ApiResponse.json(200, members.list(request.caller(),
                        request.pathParameter("orgId"), role(request), text(request), active(request),
                        Paging.cursor(request), Paging.limit(request))))
                .get("/orgs/{orgId}/members/{userId}", request -> {
                    MemberView view = members.get(request.caller(), request.pathParameter("orgId"),
                            request.pathParameter("userId"));
                    return ApiResponse.json(200, view, Map.of("etag", etag(view.revision())));
                })
                .patch("/orgs/{orgId}/members/{userId}", request -> {
                    String organizationId = request.pathParameter("orgId");
                    OrganizationAccess.requireAdminOf(request.caller(), organizationId);
                    Optional<Long> ifMatch = Headers.ifMatch(request);
                    MemberView view = members.patch(request.caller(), organizationId, request.pathParameter("userId"),
                            JsonBody.read(request, MemberPatch.class), ifMatch);
                    return ApiResponse.json(200, view, Map.of("etag", etag(view.revision())));
                })
                .get("/orgs/{orgId}/microcredentials/{microCredentialId}/coaches", request -> pool(
                        pools.get(request.caller(), request.pathParameter("orgId"),
                                request.pathParameter("microCredentialId"))))
                .put("/orgs/{orgId}/microcredentials/{microCredentialId}/coaches", request -> {
                    String organizationId = request.pathParameter("orgId");
                    OrganizationAccess.requireAdminOf(request.caller(), organizationId);
                    Optional<Long> ifMatch = Headers.ifMatch(request);
                    return pool(pools.put(request.caller(), organizationId,
                            request.pathParameter("microCredentialId"),
                            JsonBody.read(request, CoachPoolRequest.class), ifMatch));
                });
        return RosterImportRoutes.addTo(builder, services.rosterImports());
    }

    static OrganizationServices services(OrganizationConfig config, FunctionEnvironment environment,
                                         UserAccounts accounts) {
        OrganizationsTable table = OrganizationsTable.forEnvironment(environment, config.organizationsTable());
        OrganizationProfiles profiles = new OrganizationProfiles(table);
        Members members = new Members(table);
        Clock clock = Clock.systemUTC();
        MemberDirectory directory = new MemberDirectory(profiles, members, accounts,
                CoachedEnrollments.forEnvironment(environment, config.learningTable()), clock);
        RosterFiles rosters = RosterFiles.forEnvironment(environment, RosterConfig.from(environment).rosterBucket());
        return new OrganizationServices(new Organizations(profiles, clock), directory,
                new CoachPoolService(new CoachPools(table), members,
                        PublishedCatalog.forEnvironment(environment, config.catalogTable()), clock),
                RosterImportService.create(table, directory, rosters, clock));
    }

    private static APIGatewayV2HTTPResponse pool(org.microcred.organizations.model.CoachPoolView view) {
        return ApiResponse.json(200, view, Map.of("etag", etag(view.revision())));
    }

    private static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    private static Optional<Role> role(ApiRequest request) {
        return request.queryParameter("role").filter(value -> !value.isEmpty()).map(value -> Role.fromGroup(value)
                .filter(MemberRules.ORGANIZATION_ROLES::contains)
                .orElseThrow(() -> new Invalid("role", "must be one of learner, coach, org-admin")));
    }

    private static Optional<String> text(ApiRequest request) {
        Optional<String> q = request.queryParameter("q").map(String::strip).filter(value -> !value.isEmpty());
        if (q.isPresent() && (q.get().length() > 100 || q.get().chars().anyMatch(Character::isISOControl))) {
            throw new Invalid("q", "must be at most 100 characters on one line");
        }
        return q;
    }

    private static Optional<Boolean> active(ApiRequest request) {
        return request.queryParameter("active").filter(value -> !value.isEmpty()).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid("active", "must be true or false");
        });
    }
}
