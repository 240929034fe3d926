package org.microcred.shared.http;

import java.util.List;
import java.util.Map;
import org.microcred.shared.domain.FieldError;

/**
 * A client-facing failure as the HTTP edge renders it: RFC 9457 problem+json with its status.
 * Services do not throw it: they throw the domain's exceptions ({@code org.microcred.shared.domain}),
 * which {@link Problems} turns into this. Only the HTTP plumbing of this package builds one itself
 * (an unknown route, an unexpected failure).
 */
public class ApiProblem extends RuntimeException {
    static final String TYPE_BASE = "https://microcred.org/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final transient Map<String, Object> extensions;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors,
               Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = extensions;
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

    /** Members beyond RFC 9457's, in the order they are rendered after the standard ones. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
