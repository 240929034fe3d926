package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * Runs in a fresh JVM whose classpath is one function's deployment jar: builds the handler the
 * way Lambda does (no-arg constructor, settings from environment variables), sends it one real
 * request and prints the status. The parent times launch to that line: a cold start.
 *
 * <p>Arguments: handler class, method, route template, path, body (or "-").
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        APIGatewayV2HTTPEvent event = event(args[1], args[2], args[3], "-".equals(args[4]) ? null : args[4]);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new ProbeContext());
        System.out.println("STATUS " + response.getStatusCode());
        System.out.flush();
        // A library executor thread would otherwise keep this JVM alive; Lambda freezes it instead.
        System.exit(0);
    }

    static APIGatewayV2HTTPEvent event(String method, String route, String path, String body) {
        Map<String, String> claims = Map.of("sub", "bench-admin", "custom:orgId", "org-bench",
                "cognito:groups", "[org-admin]");
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-start")
                .withRouteKey(method + " " + route)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + route)
                .withRawPath(path).withHeaders(Map.of("content-type", "application/json"))
                .withQueryStringParameters(Map.of("q", "assessment"))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context).build();
    }
}
