package org.microcred.local.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Claims as API Gateway's JWT authorizer hands them to a function: every value a string,
 * arrays flattened to {@code [a b]} (so {@code cognito:groups} arrives as {@code "[learner]"}),
 * times in epoch seconds.
 */
public final class ApiGatewayClaims {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiGatewayClaims() {
    }

    public static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> flat.put(name, text(name, value)));
        return flat;
    }

    /** OAuth scopes from the {@code scope} claim (access tokens); null when there is none, as in AWS. */
    public static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String text && !text.isBlank() ? List.of(text.trim().split("\\s+")) : null;
    }

    private static String text(String name, Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> values) {
            if ("aud".equals(name) && values.size() == 1) {
                return String.valueOf(values.iterator().next());
            }
            return values.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return MAPPER.writeValueAsString(map);
            } catch (JsonProcessingException e) {
                return String.valueOf(map);
            }
        }
        return String.valueOf(value);
    }
}
