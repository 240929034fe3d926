package org.microcred.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.Malformed;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.domain.TooLarge;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.domain.UnsupportedMediaType;

/**
 * The one place where the domain's refusals get their HTTP status and become problem+json:
 * {@link HttpFunction} answers every uncaught {@link DomainException} through here, and pages
 * that show a refusal as HTML ask here for its status.
 */
public final class Problems {
    private Problems() {
    }

    /** The HTTP status of a kind of refusal. */
    public static int status(DomainException refusal) {
        if (refusal instanceof Invalid || refusal instanceof Malformed) {
            return 400;
        }
        if (refusal instanceof Unauthenticated) {
            return 401;
        }
        if (refusal instanceof Forbidden) {
            return 403;
        }
        if (refusal instanceof NotFound) {
            return 404;
        }
        if (refusal instanceof Conflict) {
            return 409;
        }
        if (refusal instanceof PreconditionFailed) {
            return 412;
        }
        if (refusal instanceof TooLarge) {
            return 413;
        }
        if (refusal instanceof UnsupportedMediaType) {
            return 415;
        }
        if (refusal instanceof RuleBroken) {
            return 422;
        }
        // DomainException's constructor is package-private: the kinds above are all there are.
        throw new IllegalStateException("No status for " + refusal.getClass().getName());
    }

    /** The problem {@code type} URI of a refusal, e.g. {@code https://microcred.org/problems/not-found}. */
    public static String type(DomainException refusal) {
        return ApiProblem.TYPE_BASE + refusal.kind();
    }

    /** The refusal as the problem the HTTP edge renders. */
    public static ApiProblem problem(DomainException refusal) {
        return new ApiProblem(status(refusal), refusal.kind(), refusal.title(), refusal.detail(), refusal.errors(),
                refusal.extensions());
    }

    /** The refusal as a problem+json response for the request at {@code path}. */
    public static APIGatewayV2HTTPResponse response(DomainException refusal, String path, String requestId) {
        return ApiResponse.problem(problem(refusal), path, requestId);
    }
}
