package org.microcred.insights.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.http.ApiResponse;

/**
 * Keeps a report inside Lambda's 6 MB response limit. A year of credits for a large district is
 * several megabytes of CSV: above 1 MB the body is gzip-compressed when the client accepts it
 * (browsers and spreadsheet downloads do; CSV shrinks about tenfold); a body that would still not
 * fit is refused with a problem that says to choose a shorter period, rather than failing in
 * API Gateway with a bare 502. A compressed body is written straight into the compressor, so a
 * large report never exists as one uncompressed string or byte array.
 */
final class LargeResponses {
    static final int COMPRESS_ABOVE_BYTES = 1024 * 1024;
    /** Lambda's limit is 6 MB for the whole response document; leave room for headers and JSON framing. */
    static final int MAX_PAYLOAD_BYTES = 5_500_000;

    private LargeResponses() {
    }

    /** A report body: as text, or written as UTF-8 to a stream. */
    interface Body {
        String text();

        void writeUtf8(OutputStream out) throws IOException;

        static Body of(String text) {
            return new Body() {
                @Override
                public String text() {
                    return text;
                }

                @Override
                public void writeUtf8(OutputStream out) throws IOException {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            };
        }
    }

    static APIGatewayV2HTTPResponse respond(String contentType, Body body, Map<String, String> headers,
                                            boolean acceptsGzip) {
        return respond(contentType, body, headers, acceptsGzip, COMPRESS_ABOVE_BYTES, MAX_PAYLOAD_BYTES);
    }

    static APIGatewayV2HTTPResponse respond(String contentType, String body, Map<String, String> headers,
                                            boolean acceptsGzip, int compressAbove, int maxPayload) {
        return respond(contentType, Body.of(body), headers, acceptsGzip, compressAbove, maxPayload);
    }

    static APIGatewayV2HTTPResponse respond(String contentType, Body body, Map<String, String> headers,
                                            boolean acceptsGzip, int compressAbove, int maxPayload) {
        if (!acceptsGzip) {
            String text = body.text();
            int size = text.getBytes(StandardCharsets.UTF_8).length;
            return size <= compressAbove ? ApiResponse.respond(200, contentType, text, headers)
                    : fitOrRefuse(size, maxPayload, () -> ApiResponse.respond(200, contentType, text, headers));
        }
        Compressed compressed = gzip(body);
        if (compressed.uncompressedBytes() <= compressAbove) {
            return ApiResponse.respond(200, contentType, body.text(), headers);
        }
        String encoded = Base64.getEncoder().encodeToString(compressed.bytes());
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
            throw new RuleBroken("report-too-large", "Report too large",
                    "This report is " + (size / 1_000_000) + " MB, more than one response can carry"
                            + " (about 5 MB). Choose a shorter period (from/to), or ask for it with Accept-Encoding: gzip.");
        }
        return response.get();
    }

    private record Compressed(byte[] bytes, long uncompressedBytes) {
    }

    /**
     * At the fastest level: a year of credits (7 MB of CSV) compresses in a third of the time of
     * the default level, to about 0.85 MB instead of 0.65 MB, far inside the limit.
     */
    private static Compressed gzip(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        long[] counted = new long[1];
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            // Counts what goes in, and does not let the body's writer close the compressor early.
            body.writeUtf8(new FilterOutputStream(zip) {
                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                    counted[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                    counted[0] += len;
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Compressed(out.toByteArray(), counted[0]);
    }
}
