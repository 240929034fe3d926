package org.microcred.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response ready to write to the socket: status, headers (repeatable) and body bytes. Built
 * from a function's {@link APIGatewayV2HTTPResponse} or by the emulator itself (401, 404, 405...).
 */
public record LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PROBLEM_TYPE_BASE = "https://microcred.org/problems/";

    /** What API Gateway makes of a function's response; a missing status code is a 500, as in AWS. */
    public static LocalResponse from(APIGatewayV2HTTPResponse response) {
        if (response == null || response.getStatusCode() < 100) {
            return message(500, "Internal Server Error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> add(headers, name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> add(headers, name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> add(headers, "set-cookie", cookie));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(response.getStatusCode(), headers, bytes);
    }

    /** API Gateway's own terse answers, e.g. {@code {"message":"Unauthorized"}}. */
    public static LocalResponse message(int status, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("message", message);
        return json(status, "application/json", body);
    }

    /** An RFC 9457 problem in the shape microcred's functions use. */
    public static LocalResponse problem(int status, String slug, String title, String detail, String instance,
                                        String requestId) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("type", PROBLEM_TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .put("requestId", requestId);
        return json(status, "application/problem+json", body);
    }

    public static LocalResponse json(int status, String contentType, Object body) {
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            add(headers, "content-type", contentType);
            return new LocalResponse(status, headers, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a local response", e);
        }
    }

    /** A copy with one more header value. */
    public LocalResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((key, values) -> copy.put(key, new ArrayList<>(values)));
        add(copy, name, value);
        return new LocalResponse(status, copy, body);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
    }
}
