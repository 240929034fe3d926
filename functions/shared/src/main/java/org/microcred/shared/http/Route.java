package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** What one route does: a request in, a response out. */
@FunctionalInterface
public interface Route {
    APIGatewayV2HTTPResponse handle(ApiRequest request);
}
