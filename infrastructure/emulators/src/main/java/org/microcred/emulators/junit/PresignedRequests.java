package org.microcred.emulators.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a browser does with presigned URLs in tests: plain HTTP PUT and GET against the storage
 * emulator, and the SHA-256 a client declares for a file.
 */
public final class PresignedRequests {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PresignedRequests() {
    }

    public static HttpResponse<String> put(String url, String contentType, byte[] bytes) {
        return put(url, contentType, bytes, Map.of());
    }

    /** A PUT with headers the URL's signature does not cover, as a browser script can add them. */
    public static HttpResponse<String> put(String url, String contentType, byte[] bytes,
                                           Map<String, String> unsignedHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType);
        unsignedHeaders.forEach(request::header);
        return send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
