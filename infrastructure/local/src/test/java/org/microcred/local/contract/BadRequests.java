package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Builds one request for an operation of the contract: plausible everywhere except where the
 * attack aims (a path, query or header parameter, the content type, the body), signed as the caller.
 */
final class BadRequests {
    private static final List<String> WRONG_CONTENT_TYPES = List.of("application/jsonx",
            "application/json-patch+json", "text/plain", "text/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/xml", "application/problem+json", "application/json;x",
            "json", "application/*", "*/*", "text/csv", "", "application/json; charset=latin1",
            "application/json; charset=utf-8", "Application/JSON");
    private static final List<String> ACCEPTS = List.of("application/json", "text/html", "*/*", "text/csv",
            "application/json, text/html", "image/png", "\u0000", "garbage", "application/ld+json");
    private static final List<String> MALFORMED_ESCAPES = List.of("%zz", "%", "%E0%A4%A", "%%", "%g0", "%C3%28",
            "%ED%A0%80", "%FF%FE", "%00");

    private final SchemaValues values;
    private final Map<Callers, Optional<String>> authorizations;

    BadRequests(StackSamples samples, Map<Callers, Optional<String>> authorizations) {
        this.values = new SchemaValues(samples);
        this.authorizations = authorizations;
    }

    /**
     * A request aimed at the surface, sent (two times in three) by a caller with a role the
     * operation's description names, otherwise by anyone.
     */
    BadRequest build(Surface surface, Random random) {
        ApiOperation operation = surface.operation();
        Attack attack = surface.attack();
        List<Callers> documented = operation.roles().stream().map(Callers::withRole).flatMap(Optional::stream).toList();
        Callers caller = !documented.isEmpty() && random.nextInt(3) > 0 ? documented.get(random.nextInt(documented.size()))
                : Callers.values()[random.nextInt(Callers.values().length)];
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        authorizations.get(caller).ifPresent(value -> headers.add(Map.entry("Authorization", value)));
        if (random.nextInt(3) == 0) {
            headers.add(Map.entry("Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size()))));
        }
        Noise noise = attack == Attack.NOISE ? Noise.values()[random.nextInt(Noise.values().length)] : null;
        String target = path(surface, caller, noise, random) + query(surface, caller, noise, random);
        headerParameters(surface, noise, random, headers);
        byte[] body = body(operation, attack, noise, random, headers);
        return new BadRequest(surface, caller, target, List.copyOf(headers), body);
    }

    /** The kinds of {@link Attack#NOISE}. */
    private enum Noise {
        UNKNOWN_QUERY_PARAMETER, MALFORMED_ESCAPE, ODD_HEADER, UNEXPECTED_BODY
    }

    private String path(Surface surface, Callers caller, Noise noise, Random random) {
        List<ApiOperation.Parameter> parameters = surface.operation().parameters("path");
        boolean malformed = noise == Noise.MALFORMED_ESCAPE && !parameters.isEmpty() && random.nextBoolean();
        String malformedIn = malformed ? parameters.get(random.nextInt(parameters.size())).name() : "";
        String path = surface.operation().path();
        for (ApiOperation.Parameter parameter : parameters) {
            String encoded;
            if (surface.attack() == Attack.PATH_PARAMETER && parameter.name().equals(surface.aim())) {
                encoded = encode(HostileValues.forParameter(parameter.name(), parameter.schema(), random));
            } else if (parameter.name().equals(malformedIn)) {
                encoded = "id" + MALFORMED_ESCAPES.get(random.nextInt(MALFORMED_ESCAPES.size()));
            } else {
                encoded = encode(plausible(parameter, surface, caller, random));
            }
            path = path.replace("{" + parameter.name() + "}", encoded);
        }
        return path;
    }

    /** A plausible value; an organisation id is mostly the caller's own, so role checks pass. */
    private String plausible(ApiOperation.Parameter parameter, Surface surface, Callers caller, Random random) {
        if (parameter.name().equals("orgId") && caller.organization().isPresent() && random.nextInt(5) > 0) {
            return caller.organization().get();
        }
        return values.plausibleText(parameter, surface.operation().path(), random);
    }

    private String query(Surface surface, Callers caller, Noise noise, Random random) {
        Attack attack = surface.attack();
        List<String> pairs = new ArrayList<>();
        List<ApiOperation.Parameter> parameters = surface.operation().parameters("query");
        ApiOperation.Parameter aimedAt = parameters.isEmpty() ? null : parameters.get(random.nextInt(parameters.size()));
        for (ApiOperation.Parameter parameter : parameters) {
            if (attack == Attack.QUERY_PARAMETER && parameter.name().equals(surface.aim())) {
                pairs.add(encode(parameter.name()) + "="
                        + encode(HostileValues.forParameter(parameter.name(), parameter.schema(), random)));
            } else if (parameter.required() || random.nextBoolean() && !parameter.name().equals("cursor")) {
                // No cursor is plausible but one the API issued for this very list: leave it out.
                pairs.add(encode(parameter.name()) + "=" + encode(plausible(parameter, surface, caller, random)));
            }
        }
        if (noise == Noise.UNKNOWN_QUERY_PARAMETER) {
            List<String> extras = new ArrayList<>(List.of("unknown=1", "limit", "=value", "&&", "q=a&q=b",
                    encode("\u0000") + "=x", "cursor=&cursor=x"));
            if (aimedAt != null) {
                extras.add(encode(aimedAt.name()) + "=a&" + encode(aimedAt.name()) + "=b");
            }
            pairs.add(extras.get(random.nextInt(extras.size())));
        }
        if (noise == Noise.MALFORMED_ESCAPE && (aimedAt != null || random.nextBoolean())) {
            String name = aimedAt == null ? "q" : encode(aimedAt.name());
            pairs.add(name + "=" + MALFORMED_ESCAPES.get(random.nextInt(MALFORMED_ESCAPES.size())));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private void headerParameters(Surface surface, Noise noise, Random random, List<Map.Entry<String, String>> headers) {
        Attack attack = surface.attack();
        List<ApiOperation.Parameter> parameters = surface.operation().parameters("header");
        for (ApiOperation.Parameter parameter : parameters) {
            if (attack == Attack.HEADER && parameter.name().equals(surface.aim())) {
                List<String> hostile = List.of("", "W/", "\"\"", "*", "-1", "\"99999999999999999999\"", "x".repeat(5_000),
                        "caf\u00e9", "\"1\", \"2\"", "W/\"-1\"", "\"0\"", "null");
                headers.add(Map.entry(parameter.name(), hostile.get(random.nextInt(hostile.size()))));
            } else if (random.nextBoolean()) {
                String value = parameter.name().equalsIgnoreCase("If-Match") ? "\"" + (1 + random.nextInt(3)) + "\""
                        : UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString();
                headers.add(Map.entry(parameter.name(), value));
            }
        }
        if (noise == Noise.ODD_HEADER) {
            List<Map.Entry<String, String>> hostile = List.of(Map.entry("Accept", "*/*;q=x"),
                    Map.entry("Cookie", "a=\u00e9; ; =;"), Map.entry("X-Forwarded-For", "not-an-address"),
                    Map.entry("Accept-Language", "x".repeat(3_000)), Map.entry("If-None-Match", "\"\""));
            headers.add(hostile.get(random.nextInt(hostile.size())));
        }
    }

    private byte[] body(ApiOperation operation, Attack attack, Noise noise, Random random,
                        List<Map.Entry<String, String>> headers) {
        if (operation.bodies().isEmpty()) {
            if (noise != Noise.UNEXPECTED_BODY) {
                return null;
            }
            headers.add(Map.entry("Content-Type", "application/json"));
            return "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
        }
        List<String> contentTypes = new ArrayList<>(operation.bodies().keySet());
        String contentType = contentTypes.get(random.nextInt(contentTypes.size()));
        JsonNode schema = operation.bodies().get(contentType);
        JsonNode plausible = values.plausible(schema, "", operation.path().split("/")[1], random);
        byte[] body = switch (contentType) {
            case "application/json" -> jsonBody(plausible, schema, attack, random);
            case "application/x-www-form-urlencoded" -> FormBodies.of(plausible, attack, random);
            default -> textBody(plausible, attack, random);
        };
        if (attack == Attack.CONTENT_TYPE) {
            String wrong = WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
            if (random.nextInt(8) > 0) {
                headers.add(Map.entry("Content-Type", wrong));
            }
        } else {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return body;
    }

    private static byte[] jsonBody(JsonNode plausible, JsonNode schema, Attack attack, Random random) {
        return switch (attack) {
            case BODY_WRONG_TYPE -> JsonBodyAttacks.wrongType(plausible, schema, random);
            case BODY_MISSING_FIELD -> JsonBodyAttacks.missingField(plausible, schema, random);
            case BODY_EXTRA_FIELD -> JsonBodyAttacks.extraField(plausible, schema, random);
            case BODY_HOSTILE_STRING -> JsonBodyAttacks.hostileString(plausible, schema, random);
            case BODY_HOSTILE_NUMBER -> JsonBodyAttacks.hostileNumber(plausible, schema, random);
            case BODY_HUGE_ARRAY -> JsonBodyAttacks.hugeArray(plausible, schema, random);
            case BODY_MALFORMED -> JsonBodyAttacks.malformed(plausible, random);
            default -> JsonBodyAttacks.bytes(plausible);
        };
    }

    /** A text body (a CSV roster): its example, with a hostile line or bytes when the body is attacked. */
    private static byte[] textBody(JsonNode plausible, Attack attack, Random random) {
        String text = plausible.isTextual() ? plausible.asText() : "email,givenName,familyName,roles\n";
        if (!attack.name().startsWith("BODY_")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (attack == Attack.BODY_MALFORMED && random.nextBoolean()) {
            return new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', ',', (byte) 0xC3, '\n'};
        }
        String hostile = HostileValues.any(random);
        return (text + hostile + "," + hostile + "," + hostile + "," + hostile + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but the unreserved characters, as a careful client would. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
