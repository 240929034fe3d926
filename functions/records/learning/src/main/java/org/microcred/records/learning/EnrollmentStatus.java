package org.microcred.records.learning;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enrolment state machine: every status an enrolment can be in and the moves allowed from
 * each. Every change of an enrolment's status goes through {@link #requireMoveTo}, and the
 * store writes it conditional on the status it was read in, so no two writers can make a move
 * this table does not allow.
 */
public enum EnrollmentStatus {
    /** Transient: the enrolment being created, before a coach was looked for. Never stored. */
    ENROLLED("enrolled"),
    AWAITING_COACH("awaiting-coach"),
    IN_PROGRESS("in-progress"),
    SUBMITTED("submitted"),
    UNDER_REVIEW("under-review"),
    NEEDS_REVISION("needs-revision"),
    MASTERED("mastered"),
    WITHDRAWN("withdrawn");

    private static final Map<EnrollmentStatus, Set<EnrollmentStatus>> ALLOWED = Map.of(
            ENROLLED, EnumSet.of(AWAITING_COACH, IN_PROGRESS, WITHDRAWN),
            AWAITING_COACH, EnumSet.of(IN_PROGRESS, WITHDRAWN),
            IN_PROGRESS, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(UNDER_REVIEW, WITHDRAWN),
            UNDER_REVIEW, EnumSet.of(NEEDS_REVISION, MASTERED, WITHDRAWN),
            NEEDS_REVISION, EnumSet.of(SUBMITTED, WITHDRAWN),
            MASTERED, EnumSet.noneOf(EnrollmentStatus.class),
            WITHDRAWN, EnumSet.noneOf(EnrollmentStatus.class));

    private final String json;

    EnrollmentStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static Optional<EnrollmentStatus> fromJson(String value) {
        for (EnrollmentStatus status : values()) {
            if (status.json.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public boolean canMoveTo(EnrollmentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** @throws IllegalTransitionException when the table does not allow the move */
    public EnrollmentStatus requireMoveTo(EnrollmentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** Open enrolments count towards a coach's load; mastered and withdrawn ones no longer do. */
    public boolean isOpen() {
        return !ALLOWED.get(this).isEmpty();
    }
}
