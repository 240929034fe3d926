package org.microcred.emulators.junit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) events as API Gateway delivers them, for function tests that call a
 * handler directly: route key, path, parameters, headers, body and, for authorized routes, the
 * JWT authorizer's claims.
 */
public final class HttpApiEvents {
    private HttpApiEvents() {
    }

    /**
     * @param routeKey e.g. {@code "GET /microcredentials/{id}"}
     * @param claims   the authorizer's claims, or null for an anonymous call
     */
    public static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> pathParameters,
                                              Map<String, String> query, Map<String, String> headers,
                                              Map<String, String> claims, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(routeKey.substring(0, routeKey.indexOf(' '))).withPath(path).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString()).withRouteKey(routeKey).withHttp(http);
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query == null || query.isEmpty() ? null : query)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }
}
