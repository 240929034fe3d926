package org.microcred.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.microcred.emulators.HttpRoute;
import org.microcred.local.identity.ApiGatewayClaims;
import org.microcred.local.identity.JwtAuthorizer;
import org.microcred.local.lambda.FunctionFailedException;
import org.microcred.local.lambda.LocalFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's HTTP API in front of the local functions: route selection from the template,
 * the JWT authorizer, the payload limit, the 2.0 event in and the response out. What API
 * Gateway refuses never reaches a handler.
 */
final class HttpApiHandler implements HttpHandler {
    /** Lambda's synchronous payload limit, which a request behind API Gateway cannot exceed. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiHandler.class);

    private final RouteTable routes;
    private final LocalFunctions functions;
    private final JwtAuthorizer authorizer;
    private final CorsPolicy cors;
    private final LocalEndpoints localEndpoints;

    HttpApiHandler(RouteTable routes, LocalFunctions functions, JwtAuthorizer authorizer, CorsPolicy cors,
                   LocalEndpoints localEndpoints) {
        this.routes = routes;
        this.functions = functions;
        this.authorizer = authorizer;
        this.cors = cors;
        this.localEndpoints = localEndpoints;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String path = exchange.getRequestURI().getRawPath();
        LocalResponse response;
        try {
            Optional<byte[]> body = readBody(exchange);
            if (body.isEmpty()) {
                response = LocalResponse.problem(413, "payload-too-large", "Request body too large",
                        "The request body is over the " + MAX_BODY_BYTES + "-byte limit of API Gateway and Lambda.",
                        path, requestId);
            } else {
                IncomingRequest request = IncomingRequest.from(exchange, body.get());
                response = cors.decorate(request, respond(request, requestId));
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed in the local API", exchange.getRequestMethod(), path, e);
            response = LocalResponse.problem(500, "internal", "Something went wrong on our side",
                    "The local API failed: " + e, path, requestId);
        }
        write(exchange, response.withHeader("apigw-requestid", requestId));
        LOG.info("{} {} -> {} ({} ms)", exchange.getRequestMethod(), exchange.getRequestURI(), response.status(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private LocalResponse respond(IncomingRequest request, String requestId) {
        if (LocalEndpoints.owns(request.rawPath())) {
            return localEndpoints.handle(request).orElseGet(() -> LocalResponse.problem(404, "not-found", "Not found",
                    "The local stack has no " + request.method() + " " + request.rawPath() + ".", request.rawPath(),
                    requestId));
        }
        if (cors.isPreflight(request)) {
            return cors.preflight(request);
        }
        RouteTable.Lookup lookup = routes.lookup(request.method(), request.rawPath());
        if (lookup.route().isEmpty()) {
            if (lookup.pathExists()) {
                return LocalResponse.problem(405, "method-not-allowed", "Method not allowed",
                        request.method() + " is not allowed on " + request.rawPath() + "; use "
                                + String.join(", ", lookup.allowedMethods()) + ".", request.rawPath(), requestId)
                        .withHeader("allow", String.join(", ", lookup.allowedMethods()));
            }
            return LocalResponse.problem(404, "not-found", "Not found",
                    "No route matches " + request.method() + " " + request.rawPath() + ".", request.rawPath(), requestId);
        }
        HttpRoute route = lookup.route().get();
        RequestContext.Authorizer authorization = null;
        if (route.authorized()) {
            JwtAuthorizer.Verdict verdict = authorizer.check(request.header("authorization").orElse(null));
            if (verdict.claims().isEmpty()) {
                // API Gateway's own answer, which HTTP APIs cannot customise (docs/openapi.yaml, Unauthorized).
                return LocalResponse.message(401, "Unauthorized").withHeader("www-authenticate", verdict.challenge());
            }
            authorization = authorizer(verdict.claims().get());
        }
        APIGatewayV2HTTPEvent event = HttpEventFactory.create(request, route, lookup.pathParameters(), authorization,
                requestId, Instant.now());
        return invoke(route, event, requestId);
    }

    private static RequestContext.Authorizer authorizer(JWTClaimsSet claims) {
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        jwt.setClaims(ApiGatewayClaims.flatten(claims));
        jwt.setScopes(ApiGatewayClaims.scopes(claims));
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        return authorizer;
    }

    private LocalResponse invoke(HttpRoute route, APIGatewayV2HTTPEvent event, String requestId) {
        try {
            Object result = functions.get(route.functionLogicalId()).invoke(event, requestId);
            if (result instanceof APIGatewayV2HTTPResponse response) {
                return LocalResponse.from(response);
            }
            throw new FunctionFailedException(route.functionLogicalId() + " returned "
                    + (result == null ? "null" : result.getClass().getName()) + ", not an APIGatewayV2HTTPResponse", null);
        } catch (FunctionFailedException e) {
            LOG.error("{} failed on {}", route.functionLogicalId(), route.routeKey(), e.getCause() == null ? e : e.getCause());
            return LocalResponse.problem(500, "internal", "Something went wrong on our side", e.getMessage(),
                    event.getRawPath(), requestId);
        }
    }

    /**
     * The body, or empty when it is over the limit. An oversized body is still drained, so the
     * client reads the 413 instead of a connection reset in the middle of its upload.
     */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
            return Optional.of(body);
        }
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
        boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }
}
