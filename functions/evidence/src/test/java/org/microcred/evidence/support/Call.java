package org.microcred.evidence.support;

import org.microcred.emulators.junit.ApiCall;

/** HTTP API (payload 2.0) events for the evidence routes, as API Gateway delivers them. */
public final class Call extends ApiCall<Call> {

    private Call(String method, String route, String enrollmentId, String artifactId) {
        super(method, route);
        pathParameter("id", enrollmentId);
        if (artifactId != null) {
            pathParameter("artifactId", artifactId);
        }
    }

    public static Call declare(String enrollmentId, Object declaration) {
        return new Call("POST", "/enrollments/{id}/artifacts", enrollmentId, null).json(declaration);
    }

    public static Call complete(String enrollmentId, String artifactId) {
        return new Call("POST", "/enrollments/{id}/artifacts/{artifactId}/complete", enrollmentId, artifactId);
    }

    public static Call remove(String enrollmentId, String artifactId) {
        return new Call("DELETE", "/enrollments/{id}/artifacts/{artifactId}", enrollmentId, artifactId);
    }

    public static Call download(String enrollmentId, String artifactId) {
        return new Call("GET", "/enrollments/{id}/artifacts/{artifactId}/download", enrollmentId, artifactId);
    }

    public static Call submit(String enrollmentId) {
        return new Call("POST", "/enrollments/{id}/submissions", enrollmentId, null);
    }
}
