package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.identity.Caller;

/** A read-only view of an HTTP API (payload 2.0) event with the lookups handlers need. */
public final class ApiRequest {
    /** Ids are under 100 characters, link tokens under 400; a DynamoDB sort key holds 1024 bytes. */
    static final int MAX_PATH_PARAMETER_BYTES = 512;

    private final APIGatewayV2HTTPEvent event;
    private final Caller caller;
    private String decodedBody;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        this.caller = Caller.from(event);
    }

    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String path() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "" : context.getRequestId();
    }

    /**
     * A path parameter the route declares; absent only if the route is wired wrongly. A value
     * longer than any id or link token this API issues names nothing (404): refused here, before
     * it could reach a database key, which has a size limit of its own.
     */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new NotFound("The path is missing its " + name + ".");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_PARAMETER_BYTES) {
            throw new NotFound("There is nothing with that " + name + ": it is longer than any this API issues.");
        }
        return value;
    }

    public Optional<String> queryParameter(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name));
    }

    /** Header lookup ignoring case (API Gateway lower-cases names, clients may not). */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            return Optional.of(value);
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public String body() {
        if (decodedBody == null) {
            String raw = event.getBody() == null ? "" : event.getBody();
            decodedBody = event.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8)
                    : raw;
        }
        return decodedBody;
    }

    /**
     * The body as the client sent it, for routes that read bytes rather than text (a CSV roster
     * must be checked for valid UTF-8 itself): a base64 body decoded, a text body as UTF-8.
     */
    public byte[] bodyBytes() {
        String raw = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
    }

    public int bodySizeBytes() {
        return body().getBytes(StandardCharsets.UTF_8).length;
    }

    /** True when the client prefers JSON over HTML (for pages that serve both). */
    public boolean acceptsJson() {
        String accept = header("accept").orElse("");
        return accept.contains("application/json") && !accept.contains("text/html");
    }
}
