package org.microcred.local.http;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.microcred.emulators.CorsConfiguration;

/**
 * The HttpApi's CorsConfiguration as API Gateway applies it: it answers preflight requests
 * itself and adds the allow-origin header to responses for allowed origins.
 */
final class CorsPolicy {
    private final Optional<CorsConfiguration> configuration;

    CorsPolicy(Optional<CorsConfiguration> configuration) {
        this.configuration = configuration;
    }

    boolean isPreflight(IncomingRequest request) {
        return configuration.isPresent() && request.method().equals("OPTIONS")
                && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    LocalResponse preflight(IncomingRequest request) {
        CorsConfiguration cors = configuration.orElseThrow();
        String origin = request.header("origin").orElse("");
        LocalResponse response = new LocalResponse(204, new LinkedHashMap<>(), new byte[0]);
        if (!cors.allowsOrigin(origin)) {
            return response;
        }
        response = withOrigin(response, cors, origin)
                .withHeader("access-control-allow-methods", String.join(",", cors.allowMethods()))
                .withHeader("access-control-allow-headers", String.join(",", cors.allowHeaders()));
        if (cors.maxAgeSeconds() > 0) {
            response = response.withHeader("access-control-max-age", Integer.toString(cors.maxAgeSeconds()));
        }
        return response;
    }

    LocalResponse decorate(IncomingRequest request, LocalResponse response) {
        Optional<String> origin = request.header("origin");
        if (configuration.isEmpty() || origin.isEmpty() || !configuration.get().allowsOrigin(origin.get())) {
            return response;
        }
        LocalResponse decorated = withOrigin(response, configuration.get(), origin.get());
        if (!configuration.get().exposeHeaders().isEmpty()) {
            decorated = decorated.withHeader("access-control-expose-headers",
                    String.join(",", configuration.get().exposeHeaders()));
        }
        return decorated;
    }

    private static LocalResponse withOrigin(LocalResponse response, CorsConfiguration cors, String origin) {
        LocalResponse withOrigin = response.withHeader("access-control-allow-origin",
                cors.allowOrigins().contains("*") && !cors.allowCredentials() ? "*" : origin);
        return cors.allowCredentials() ? withOrigin.withHeader("access-control-allow-credentials", "true") : withOrigin;
    }
}
