package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The HttpApi's {@code CorsConfiguration}, resolved: what API Gateway answers to browsers. */
public record CorsConfiguration(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                                List<String> exposeHeaders, int maxAgeSeconds, boolean allowCredentials) {

    public CorsConfiguration {
        allowOrigins = List.copyOf(allowOrigins);
        allowHeaders = List.copyOf(allowHeaders);
        allowMethods = List.copyOf(allowMethods);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    static CorsConfiguration from(JsonNode cors, Function<JsonNode, String> resolver) {
        return new CorsConfiguration(list(cors.path("AllowOrigins"), resolver), list(cors.path("AllowHeaders"), resolver),
                list(cors.path("AllowMethods"), resolver), list(cors.path("ExposeHeaders"), resolver),
                cors.path("MaxAge").asInt(0), cors.path("AllowCredentials").asBoolean(false));
    }

    public boolean allowsOrigin(String origin) {
        return allowOrigins.contains("*") || allowOrigins.contains(origin);
    }

    private static List<String> list(JsonNode values, Function<JsonNode, String> resolver) {
        List<String> result = new ArrayList<>();
        values.forEach(value -> result.add(resolver.apply(value)));
        return result;
    }
}
