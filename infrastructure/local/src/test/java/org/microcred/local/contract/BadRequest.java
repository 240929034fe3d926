package org.microcred.local.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.microcred.local.fixtures.RawHttp;

/** A generated request, ready to send, that describes itself when an answer breaks the contract. */
record BadRequest(Surface surface, Callers caller, String target, List<Map.Entry<String, String>> headers,
                  byte[] body) {

    RawHttp.Response sendWith(RawHttp http) {
        return http.send(surface.operation().method(), target, headers, body);
    }

    String describe() {
        String shownHeaders = headers.stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("authorization"))
                .map(header -> header.getKey() + ": " + excerpt(header.getValue(), 120))
                .collect(Collectors.joining(", "));
        return surface.operation().method() + " " + excerpt(target, 300) + " as " + caller + " (" + surface.attack()
                + (surface.aim().isEmpty() ? "" : " " + surface.aim()) + ")"
                + (shownHeaders.isEmpty() ? "" : " [" + shownHeaders + "]")
                + (body == null ? "" : " body " + excerpt(new String(body, StandardCharsets.UTF_8), 400));
    }

    /** The start of a text, with control characters made visible. */
    static String excerpt(String text, int length) {
        String cut = text.length() > length ? text.substring(0, length) + "...(" + text.length() + " chars)" : text;
        StringBuilder visible = new StringBuilder();
        cut.codePoints().forEach(c -> visible.append(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return visible.toString();
    }
}
