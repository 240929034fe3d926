package org.microcred.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The values people and scripts send where they should not: empty and huge strings, control
 * characters and line breaks, look-alike numbers, impossible and extreme dates, cursors that
 * decode to something other than a cursor. None of them contains a word the contract checks
 * forbid in answers, so an echo of one is never mistaken for a leak.
 */
final class HostileValues {
    static final List<String> STRINGS = List.of(
            "", " ", "\t", "null", "undefined", "0", "-1", "true", "[]", "{}",
            "Title\r\nBcc: someone@example.org", "line\nbreak", "carriage\rreturn", "nul\u0000byte", "\u0000",
            "bell\u0007", "\u001b[31mred", "del\u007f", "next\u0085line", "line\u2028separator", "para\u2029graph",
            "\u202eevil", "\ufeffbom", "\ud83d\ude00 emoji", "caf\u00e9", "<script>alert(1)</script>",
            "' OR '1'='1", "${jndi:ldap://example.org/a}", "../../etc/passwd", "%00", "%zz", "bnVsbA",
            "a".repeat(2_100), "\ud83d\ude00".repeat(400), "x".repeat(70_000));

    static final List<String> NUMBERS = List.of("abc", "1.5", "-1", "0", "101", "99999999999999999999", "1e3", "");

    static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "9999-12-31",
            "0000-01-01", "2026-02-30", "2026-13-01", "20260101", "2026-01-01T00:00:00Z", "yesterday");

    static final List<String> BOOLEANS = List.of("yes", "1", "TRUE", "");

    private HostileValues() {
    }

    /** Cursors the API never issued: JSON that is not an object of strings, not JSON, not base64. */
    static List<String> cursors() {
        List<String> cursors = new ArrayList<>();
        for (String json : List.of("null", "[]", "\"text\"", "42", "{}", "{\"pk\":1}", "{\"pk\":null}",
                "{\"pk\":{\"S\":\"x\"}}", "{\"pk\":\"x\"")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        }
        cursors.addAll(List.of("!!!", "x".repeat(3_000)));
        return cursors;
    }

    /** A hostile text for a parameter of this schema: aimed at its type, plus the general ones. */
    static String forParameter(String name, JsonNode schema, Random random) {
        List<String> aimed = new ArrayList<>();
        String type = SchemaValues.type(schema);
        if (name.equals("cursor")) {
            aimed.addAll(cursors());
        } else if (schema.path("format").asText().equals("date")) {
            aimed.addAll(DATES);
        } else if (type.equals("integer") || type.equals("number")) {
            aimed.addAll(NUMBERS);
        } else if (type.equals("boolean")) {
            aimed.addAll(BOOLEANS);
        }
        if (schema.has("enum")) {
            aimed.add(schema.path("enum").path(0).asText().toUpperCase(Locale.ROOT));
            aimed.add("other");
        }
        if (!aimed.isEmpty() && random.nextInt(4) > 0) {
            return aimed.get(random.nextInt(aimed.size()));
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    static String any(Random random) {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }
}
