package org.microcred.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as it reached the local API, before API Gateway semantics are applied. */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String sourceIp, String protocol) {

    public IncomingRequest {
        Map<String, List<String>> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCased.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        headers = Map.copyOf(lowerCased);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    static IncomingRequest from(HttpExchange exchange, byte[] body) {
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    }

    /** A header's values joined by commas, as API Gateway presents repeated headers. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }
}
