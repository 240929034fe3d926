package org.microcred.evidence.service;

/**
 * The review-link token under its former name. The token code moved to
 * {@link org.microcred.enrollment.reviewlink.ReviewLinks} so the enrolment function can issue
 * links when it reassigns a waiting review; this name stays only until the review page and the
 * benchmarks import the new one, then it goes.
 */
@Deprecated
public final class ReviewLinks extends org.microcred.enrollment.reviewlink.ReviewLinks {
    public ReviewLinks(byte[] key, java.time.Duration validity) {
        super(key, validity);
    }
}
