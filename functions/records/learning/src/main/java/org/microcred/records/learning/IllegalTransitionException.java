package org.microcred.records.learning;

/** A status change the enrolment state machine does not allow. */
public class IllegalTransitionException extends RuntimeException {
    private final EnrollmentStatus from;
    private final EnrollmentStatus to;

    public IllegalTransitionException(EnrollmentStatus from, EnrollmentStatus to) {
        super("An enrolment cannot move from " + from.json() + " to " + to.json());
        this.from = from;
        this.to = to;
    }

    public EnrollmentStatus from() {
        return from;
    }

    public EnrollmentStatus to() {
        return to;
    }
}
