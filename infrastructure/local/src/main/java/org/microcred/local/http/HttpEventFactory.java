package org.microcred.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcred.emulators.HttpRoute;

/**
 * Builds the payload-2.0 event API Gateway's HTTP API would send: lower-cased headers with
 * cookies split out, decoded query and path parameters (repeated query keys joined by commas),
 * the request context, and the body base64-encoded unless it is text.
 */
public final class HttpEventFactory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpEventFactory() {
    }

    /** The event; {@code authorizer} is null for routes without one. */
    public static APIGatewayV2HTTPEvent create(IncomingRequest request, HttpRoute route, Map<String, String> pathParameters,
                                               RequestContext.Authorizer authorizer, String requestId, Instant now) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(route.routeKey());
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        event.setHeaders(headers(request));
        event.setCookies(cookies(request));
        event.setQueryStringParameters(queryParameters(request.rawQuery()));
        event.setPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters));
        event.setRequestContext(context(request, route, authorizer, requestId, now));
        setBody(event, request);
        return event;
    }

    private static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        return headers;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> cookies = new ArrayList<>();
        request.headers().getOrDefault("cookie", List.of()).forEach(header -> {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        });
        return cookies.isEmpty() ? null : cookies;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoding.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentDecoding.decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static RequestContext context(IncomingRequest request, HttpRoute route, RequestContext.Authorizer authorizer,
                                          String requestId, Instant now) {
        String host = request.header("host").orElse("127.0.0.1");
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(request.header("user-agent").orElse(""));
        RequestContext context = new RequestContext();
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setDomainName(host);
        context.setDomainPrefix(host.split("[.:]")[0]);
        context.setStage("$default");
        context.setRouteKey(route.routeKey());
        context.setRequestId(requestId);
        context.setTime(TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        context.setHttp(http);
        context.setAuthorizer(authorizer);
        return context;
    }

    private static void setBody(APIGatewayV2HTTPEvent event, IncomingRequest request) {
        if (request.body().length == 0) {
            event.setIsBase64Encoded(false);
            return;
        }
        if (isText(request.header("content-type").orElse(""))) {
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
        }
    }

    /** The content types API Gateway passes through as text; everything else is base64. */
    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("yaml");
    }
}
