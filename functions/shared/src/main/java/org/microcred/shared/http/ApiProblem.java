package org.microcred.shared.http;

import java.util.List;

/**
 * A client-facing failure, rendered as RFC 9457 problem+json. Services throw it; the handler
 * base turns it into the response, so no layer builds error responses by hand.
 */
public class ApiProblem extends RuntimeException {
    private static final String TYPE_BASE = "https://microcred.org/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail);
    }

    public static ApiProblem invalidField(String field, String message) {
        return validation("The request has an invalid field: " + field + " " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem validation(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "validation", "The request is not valid", detail, errors);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Sign-in required", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Not allowed", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem methodNotAllowed(String detail) {
        return new ApiProblem(405, "method-not-allowed", "Method not allowed", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(413, "payload-too-large", "Request body too large", detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static ApiProblem unprocessable(String slug, String title, String detail, List<FieldError> errors) {
        return new ApiProblem(422, slug, title, detail, errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
