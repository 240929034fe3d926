package org.microcred.emulators;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * What S3 does for a bucket whose Object Ownership is {@code BucketOwnerEnforced} (every bucket in
 * template.yaml, and the default for new buckets in AWS): ACLs are disabled, so a request that
 * would set one is answered 400 {@code AccessControlListNotSupported} and stores nothing. S3Proxy
 * 2.6 honours {@code x-amz-acl: public-read} instead (the object then answers anonymous GETs), even
 * on a presigned PUT where the header was not signed; this handler stands in front of it.
 *
 * <p>Refused: an {@code x-amz-acl} other than {@code bucket-owner-full-control} (the one canned ACL
 * such a bucket accepts), any {@code x-amz-grant-*} header, and every PUT of an {@code ?acl}
 * subresource. Reading ACLs is left alone.
 */
final class AclsDisabled extends HandlerWrapper {
    static final String ERROR_CODE = "AccessControlListNotSupported";
    private static final String OWNER_FULL_CONTROL = "bucket-owner-full-control";
    /** Enough to drain a refused upload so the client reads the answer instead of a reset connection. */
    private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!setsAcl(request)) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        drain(request);
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + ERROR_CODE
                + "</Code><Message>The bucket does not allow ACLs</Message><RequestId>" + UUID.randomUUID()
                + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/xml");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    static boolean setsAcl(HttpServletRequest request) {
        String cannedAcl = request.getHeader("x-amz-acl");
        if (cannedAcl != null && !OWNER_FULL_CONTROL.equalsIgnoreCase(cannedAcl.strip())) {
            return true;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-grant-")) {
                return true;
            }
        }
        return "PUT".equalsIgnoreCase(request.getMethod()) && hasQueryParameter(request.getQueryString(), "acl");
    }

    /** From the raw query string: asking the request for parameters could consume a form-encoded body. */
    private static boolean hasQueryParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if ((equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void drain(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            in.skipNBytes(Math.min(Math.max(request.getContentLengthLong(), 0), MAX_DRAINED_BYTES));
        } catch (java.io.EOFException shorterThanDeclared) {
            // The client sent less than it announced; the answer is the same.
        }
    }
}
