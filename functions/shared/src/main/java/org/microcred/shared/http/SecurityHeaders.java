package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers every document a browser renders gets: HTML pages and SVG images (an SVG opened on
 * its own is a document that could run script). Applied by {@link HttpFunction} to every
 * response, so no page can forget them. A page may set a Content-Security-Policy of its own for
 * what it needs (inline styles, images); its directives are kept, the baseline fills in what it
 * leaves out, and framing is always refused, since the review page's URL carries a secret token
 * and its form must not be clickjacked.
 */
public final class SecurityHeaders {
    /** What a page gets when it says nothing: no resources at all, no framing, no base, forms to itself. */
    static final Map<String, String> BASELINE = baseline();
    /** Directives no page may loosen. */
    private static final Map<String, String> ENFORCED = Map.of("frame-ancestors", "'none'");

    private SecurityHeaders() {
    }

    private static Map<String, String> baseline() {
        Map<String, String> directives = new LinkedHashMap<>();
        directives.put("default-src", "'none'");
        directives.put("frame-ancestors", "'none'");
        directives.put("base-uri", "'none'");
        directives.put("form-action", "'self'");
        return directives;
    }

    /** The response with the headers added if it is an HTML page or an SVG image; anything else unchanged. */
    public static APIGatewayV2HTTPResponse secure(APIGatewayV2HTTPResponse response) {
        Map<String, String> original = response.getHeaders();
        if (original == null || !isDocument(valueOf(original, "content-type"))) {
            return response;
        }
        Map<String, String> headers = new HashMap<>();
        original.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.put("content-security-policy", policy(headers.get("content-security-policy")));
        headers.put("x-frame-options", "DENY");
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-content-type-options", "nosniff");
        response.setHeaders(headers);
        return response;
    }

    /** The page's own directives, the baseline's for those it does not set, framing always refused. */
    static String policy(String own) {
        Map<String, String> directives = new LinkedHashMap<>();
        if (own != null) {
            for (String directive : own.split(";")) {
                String trimmed = directive.strip();
                if (!trimmed.isEmpty()) {
                    String[] parts = trimmed.split("\\s+", 2);
                    // As browsers do, the first occurrence of a directive wins.
                    directives.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
                }
            }
        }
        BASELINE.forEach(directives::putIfAbsent);
        directives.putAll(ENFORCED);
        StringBuilder policy = new StringBuilder();
        directives.forEach((name, value) -> policy.append(policy.length() == 0 ? "" : "; ").append(name)
                .append(value.isEmpty() ? "" : " " + value));
        return policy.toString();
    }

    private static boolean isDocument(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/html") || type.equals("image/svg+xml");
    }

    private static String valueOf(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
