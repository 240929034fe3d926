package org.microcred.local.http;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * URL decoding for the two places API Gateway decodes: path parameters (where {@code +} is a
 * plus sign) and query parameters (where it is a space).
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    static String decode(String pathSegment) {
        if (pathSegment.indexOf('%') < 0) {
            return pathSegment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < pathSegment.length()) {
            int c = pathSegment.codePointAt(i);
            if (c == '%' && i + 2 < pathSegment.length()
                    && isHex(pathSegment.charAt(i + 1)) && isHex(pathSegment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(pathSegment.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String decodeQuery(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
