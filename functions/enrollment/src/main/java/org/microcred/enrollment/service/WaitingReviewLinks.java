package org.microcred.enrollment.service;

import java.time.Instant;
import java.util.function.Supplier;
import org.microcred.records.learning.Enrollment;
import org.microcred.reviewlinks.ReviewLinks;

/**
 * The review link of an enrolment's waiting attempt, for the coach it now belongs to. The key
 * is loaded on first use: only reassigning a waiting review needs it, so the enrolment
 * function's cold start does not pay for a Secrets Manager call.
 */
public final class WaitingReviewLinks {
    private final Supplier<ReviewLinks> source;
    private final String apiUrl;
    private ReviewLinks links;

    public WaitingReviewLinks(Supplier<ReviewLinks> source, String apiUrl) {
        this.source = source;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** {@code API_URL/review/<token>} for the latest attempt and the enrolment's (new) coach. */
    public String urlFor(Enrollment enrollment, Instant now) {
        if (apiUrl.isBlank()) {
            throw new IllegalStateException("API_URL is not set; review links cannot be made");
        }
        return apiUrl + "/review/" + links().issue(enrollment.id() + "." + enrollment.attempts(),
                enrollment.coach().id(), now);
    }

    private synchronized ReviewLinks links() {
        if (links == null) {
            links = source.get();
        }
        return links;
    }
}
