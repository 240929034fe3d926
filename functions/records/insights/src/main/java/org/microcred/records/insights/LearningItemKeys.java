package org.microcred.records.insights;

import java.util.regex.Pattern;

/**
 * The LearningTable's keys as the aggregator reads them from the table's stream: an enrolment
 * is {@code ENR#<id> / ENROLLMENT}, a coach's decision {@code ENR#<id> / ATTEMPT#<n>#DECISION}.
 * The only place this library spells another table's keys; it gives way to the LearningTable's
 * own library.
 */
final class LearningItemKeys {
    private static final String ENROLLMENT_PREFIX = "ENR#";
    private static final String ENROLLMENT = "ENROLLMENT";
    private static final Pattern DECISION = Pattern.compile("ATTEMPT#\\d+#DECISION");

    private LearningItemKeys() {
    }

    /** The enrolment an item belongs to, or null for an item outside every enrolment's partition. */
    static String enrollmentId(String pk) {
        return pk != null && pk.startsWith(ENROLLMENT_PREFIX) ? pk.substring(ENROLLMENT_PREFIX.length()) : null;
    }

    static boolean isEnrollment(String sk) {
        return ENROLLMENT.equals(sk);
    }

    static boolean isDecision(String sk) {
        return sk != null && DECISION.matcher(sk).matches();
    }
}
