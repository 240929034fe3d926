package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.metrics.FunctionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The base of every HTTP API handler: structured logging and EMF metrics around the request
 * (Powertools' functional API, no AspectJ weaving), dispatch by route key, the one place where
 * exceptions become problem+json, and the one place where pages get their security headers
 * ({@link SecurityHeaders}). Subclasses only declare their routes.
 */
public abstract class HttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFunction.class);
    private static final Metrics METRICS = FunctionMetrics.instance();

    private final Routes routes;

    protected HttpFunction(Routes routes) {
        this.routes = routes;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                METRICS.captureColdStartMetric(context);
                APIGatewayV2HTTPResponse response = dispatch(event);
                METRICS.addMetric(response.getStatusCode() >= 500 ? "ServerError"
                        : response.getStatusCode() >= 400 ? "ClientError" : "Success", 1, MetricUnit.COUNT);
                return response;
            } finally {
                METRICS.flush();
            }
        });
    }

    /** Runs the route for the event; visible so benchmarks can measure without the Lambda context. */
    public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
        ApiRequest request = new ApiRequest(event);
        try {
            Route route = routes.find(request.routeKey())
                    .orElseThrow(() -> ApiProblem.notFound("No route " + request.routeKey() + " in this function."));
            // Every HTML page and SVG image leaves through here, so none can miss the security headers.
            return SecurityHeaders.secure(route.handle(request));
        } catch (DomainException refusal) {
            LOG.info("{} {} -> {} {}", request.routeKey(), request.path(), Problems.status(refusal), refusal.detail());
            return Problems.response(refusal, request.path(), request.requestId());
        } catch (ApiProblem problem) {
            LOG.info("{} {} -> {} {}", request.routeKey(), request.path(), problem.status(), problem.detail());
            return ApiResponse.problem(problem, request.path(), request.requestId());
        } catch (RuntimeException unexpected) {
            LOG.error("{} {} failed", request.routeKey(), request.path(), unexpected);
            ApiProblem problem = new ApiProblem(500, "internal", "Something went wrong on our side",
                    "The request could not be completed. Quote request id " + request.requestId()
                            + " if you contact support.");
            return ApiResponse.problem(problem, request.path(), request.requestId());
        }
    }

    public Routes routes() {
        return routes;
    }
}
