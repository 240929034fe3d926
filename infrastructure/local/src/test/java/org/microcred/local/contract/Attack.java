package org.microcred.local.contract;

/** What is wrong with a generated request (apart from who sends it). */
enum Attack {
    /** Nothing on purpose: plausible values everywhere, so the route itself is exercised. */
    PLAUSIBLE,
    /**
     * Noise around a plausible request: an unknown or repeated query parameter, a malformed
     * percent-escape in the path or query, an odd header, or a body where none belongs.
     */
    NOISE,
    PATH_PARAMETER,
    QUERY_PARAMETER,
    HEADER,
    CONTENT_TYPE,
    BODY_WRONG_TYPE,
    BODY_MISSING_FIELD,
    BODY_EXTRA_FIELD,
    BODY_HOSTILE_STRING,
    BODY_HOSTILE_NUMBER,
    BODY_HUGE_ARRAY,
    BODY_MALFORMED
}
