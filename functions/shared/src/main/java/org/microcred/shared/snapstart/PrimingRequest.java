package org.microcred.shared.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * A synthetic HTTP API request that primes a route: a GET, as API Gateway would deliver it
 * (payload 2.0, and for a signed-in caller the JWT authorizer's claims), whose path parameters
 * and caller name nothing that exists. Every lookup it causes misses, so priming reads the
 * tables the route reads and finds nothing, and no route that answers a GET writes.
 *
 * <pre>{@code
 * PrimingRequest.get("/enrollments/{id}").with("id", "enr-snapstartpriming0000").as(Role.LEARNER)
 * }</pre>
 */
public final class PrimingRequest {
    /** The default value of every path parameter, the caller's id and organisation: no record has it. */
    public static final String ID = "snapstart-priming";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final List<Role> roles;

    private PrimingRequest(String path, Map<String, String> pathParameters, Map<String, String> query,
                           Map<String, String> headers, List<Role> roles) {
        this.path = path;
        this.pathParameters = pathParameters;
        this.query = query;
        this.headers = headers;
        this.roles = roles;
    }

    /** An anonymous GET of the route {@code path} (as template.yaml writes it), every parameter {@value #ID}. */
    public static PrimingRequest get(String path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            parameters.put(matcher.group(1), ID);
        }
        return new PrimingRequest(path, parameters, Map.of(), Map.of("accept", "application/json"), List.of());
    }

    /** A path parameter shaped like a real id (so validation lets it through to the store) that no record has. */
    public PrimingRequest with(String parameter, String value) {
        if (!pathParameters.containsKey(parameter)) {
            throw new IllegalArgumentException(path + " has no path parameter " + parameter);
        }
        Map<String, String> parameters = new LinkedHashMap<>(pathParameters);
        parameters.put(parameter, value);
        return new PrimingRequest(path, parameters, query, headers, roles);
    }

    public PrimingRequest query(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new PrimingRequest(path, pathParameters, copy, headers, roles);
    }

    public PrimingRequest header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new PrimingRequest(path, pathParameters, query, copy, roles);
    }

    /** Signed in as a member of organisation {@value #ID} (which does not exist) with these roles. */
    public PrimingRequest as(Role... roles) {
        return new PrimingRequest(path, pathParameters, query, headers, List.of(roles));
    }

    public String routeKey() {
        return "GET " + path;
    }

    /** The event as API Gateway would deliver it; a new one each time (handlers may keep state per event). */
    public APIGatewayV2HTTPEvent event() {
        String rawPath = path;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(ID)
                .withRouteKey(routeKey())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(rawPath).build());
        if (!roles.isEmpty()) {
            Map<String, String> claims = Map.of("sub", ID, "email", ID + "@microcred.invalid", "name", "SnapStart priming",
                    Caller.CLAIM_ORGANIZATION, ID, Caller.CLAIM_GROUPS,
                    roles.stream().map(Role::group).collect(Collectors.joining(" ", "[", "]")));
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey()).withRawPath(rawPath)
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withHeaders(Map.copyOf(headers)).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }

    @Override
    public String toString() {
        return routeKey() + (roles.isEmpty() ? "" : " as " + Arrays.toString(roles.toArray()));
    }
}
