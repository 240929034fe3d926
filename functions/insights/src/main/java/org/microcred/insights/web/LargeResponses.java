package org.microcred.insights.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.http.ApiResponse;

/**
 * Keeps a report inside Lambda's 6 MB response limit. A year of credits for a large district is
 * several megabytes of CSV: above 1 MB the body is gzip-compressed when the client accepts it
 * (browsers and spreadsheet downloads do; CSV shrinks about tenfold); a body that would still not
 * fit is refused with a problem that says to choose a shorter period, rather than failing in
 * API Gateway with a bare 502.
 */
final class LargeResponses {
    static final int COMPRESS_ABOVE_BYTES = 1024 * 1024;
    /** Lambda's limit is 6 MB for the whole response document; leave room for headers and JSON framing. */
    static final int MAX_PAYLOAD_BYTES = 5_500_000;

    private LargeResponses() {
    }

    static APIGatewayV2HTTPResponse respond(String contentType, String body, Map<String, String> headers,
                                            boolean acceptsGzip) {
        return respond(contentType, body, headers, acceptsGzip, COMPRESS_ABOVE_BYTES, MAX_PAYLOAD_BYTES);
    }

    static APIGatewayV2HTTPResponse respond(String contentType, String body, Map<String, String> headers,
                                            boolean acceptsGzip, int compressAbove, int maxPayload) {
        return respond(contentType, body.getBytes(StandardCharsets.UTF_8), headers, acceptsGzip, compressAbove,
                maxPayload);
    }

    /** The same for a body already in UTF-8 (a large CSV is made as bytes, never as one big string). */
    static APIGatewayV2HTTPResponse respond(String contentType, byte[] utf8, Map<String, String> headers,
                                            boolean acceptsGzip) {
        return respond(contentType, utf8, headers, acceptsGzip, COMPRESS_ABOVE_BYTES, MAX_PAYLOAD_BYTES);
    }

    static APIGatewayV2HTTPResponse respond(String contentType, byte[] bytes, Map<String, String> headers,
                                            boolean acceptsGzip, int compressAbove, int maxPayload) {
        if (bytes.length <= compressAbove) {
            return ApiResponse.respond(200, contentType, new String(bytes, StandardCharsets.UTF_8), headers);
        }
        if (!acceptsGzip) {
            return fitOrRefuse(bytes.length, maxPayload, () -> ApiResponse.respond(200, contentType,
                    new String(bytes, StandardCharsets.UTF_8), headers));
        }
        String encoded = Base64.getEncoder().encodeToString(gzip(bytes));
        return fitOrRefuse(encoded.length(), maxPayload, () -> {
            Map<String, String> all = new HashMap<>(headers);
            all.put("content-type", contentType);
            all.put("content-encoding", "gzip");
            all.put("vary", "accept-encoding");
            all.putIfAbsent("cache-control", "no-store");
            all.put("x-content-type-options", "nosniff");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(all).withBody(encoded)
                    .withIsBase64Encoded(true).build();
        });
    }

    private static APIGatewayV2HTTPResponse fitOrRefuse(int size, int maxPayload,
                                                        Supplier<APIGatewayV2HTTPResponse> response) {
        if (size > maxPayload) {
            throw new ApiProblem(422, "report-too-large", "Report too large",
                    "This report is " + (size / 1_000_000) + " MB, more than one response can carry"
                            + " (about 5 MB). Choose a shorter period (from/to), or ask for it with Accept-Encoding: gzip.");
        }
        return response.get();
    }

    /**
     * The fastest level: a year of credits (7 MB of CSV) compresses in a third of the time of the
     * default level, to about 0.85 MB instead of 0.65 MB, far inside the limit.
     */
    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
