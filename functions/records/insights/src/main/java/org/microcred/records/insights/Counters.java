package org.microcred.records.insights;

/**
 * Attribute names of the counters in the insights table, written by the aggregator and read by
 * the reports. Histograms are sparse: one numeric attribute per bucket that ever had a count.
 */
public final class Counters {
    // Period counters (per day and per month).
    public static final String ENROLLED = "enrolled";
    public static final String SUBMITTED = "submitted";
    public static final String MASTERED = "mastered";
    public static final String WITHDRAWN = "withdrawn";
    public static final String DECISIONS = "decisions";
    public static final String MASTERY_DECISIONS = "masteryDecisions";
    public static final String FIRST_DECISIONS = "firstDecisions";
    public static final String FIRST_MASTERY_DECISIONS = "firstMasteryDecisions";
    /** Time to feedback, bucket = whole hours elapsed ({@code ttfH0} = under one hour). */
    public static final String TTF_PREFIX = "ttfH";
    /** Attempts to mastery, bucket = the attempt that earned it ({@code atm1} = first try). */
    public static final String ATM_PREFIX = "atm";
    /** Time-to-feedback buckets stop here: 1,000 hours (about six weeks) or more share the last one. */
    public static final int TTF_LAST_BUCKET = 999;
    /** Attempts buckets stop here: 99 attempts or more share the last one. */
    public static final int ATM_LAST_BUCKET = 99;

    // Current-state gauges of a micro-credential: enrolments now in each stored status.
    public static final String NOW_TITLE = "title";
    // Current-state gauges of a coach.
    public static final String OPEN_LEARNERS = "openLearners";
    public static final String REVIEWS_WAITING = "reviewsWaiting";
    public static final String COACH_NAME = "name";

    private Counters() {
    }

    public static String ttfBucket(long seconds) {
        long hours = Math.max(0, seconds) / 3600;
        return TTF_PREFIX + Math.min(hours, TTF_LAST_BUCKET);
    }

    public static String attemptsBucket(long attempts) {
        return ATM_PREFIX + Math.max(1, Math.min(attempts, ATM_LAST_BUCKET));
    }

    /**
     * The gauge attribute of an enrolment status: {@code in-progress} -> {@code inProgress}.
     * Statuses are lower-case words joined by hyphens, so the mapping is one to one.
     */
    public static String statusGauge(String status) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : status.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return "now" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
