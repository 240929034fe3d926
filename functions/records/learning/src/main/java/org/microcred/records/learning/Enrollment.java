package org.microcred.records.learning;

import java.util.List;

/**
 * One person's enrolment in one published version of a micro-credential. Immutable: every
 * change returns the next state with {@code version} one higher, and only through the moves
 * {@link EnrollmentStatus} allows.
 *
 * @param organizationId the organisation offering the micro-credential (its admins manage this)
 * @param coach absent while awaiting a coach
 * @param plcGroupId the PLC the learner enrolled with, or null
 * @param version optimistic lock: every write is conditional on the version read
 */
public record Enrollment(String id, EnrollmentStatus status, String microCredentialId, int microCredentialVersion,
                         String microCredentialTitle, String organizationId, String organizationName,
                         Person learner, String learnerOrganizationId, Person coach, String plcGroupId,
                         int attempts, List<String> evidenceTitles, String createdAt, String updatedAt,
                         long version) {
    public Enrollment {
        evidenceTitles = evidenceTitles == null ? List.of() : List.copyOf(evidenceTitles);
    }

    /**
     * A new enrolment: created {@code enrolled}, then straight to {@code in-progress} with a coach
     * or {@code awaiting-coach} without one.
     *
     * @param offered the published version enrolled in, as the enrolment names it (its id,
     *                version, title, offering organisation and evidence titles)
     */
    public static Enrollment start(String id, Offered offered, Person learner, String learnerOrganizationId,
                                   Person coach, String plcGroupId, String now) {
        EnrollmentStatus status = EnrollmentStatus.ENROLLED
                .requireMoveTo(coach == null ? EnrollmentStatus.AWAITING_COACH : EnrollmentStatus.IN_PROGRESS);
        return new Enrollment(id, status, offered.microCredentialId(), offered.version(), offered.title(),
                offered.organizationId(), offered.organizationName(), learner, learnerOrganizationId, coach, plcGroupId,
                0, offered.evidenceTitles(), now, now, 1);
    }

    /** What an enrolment copies from the micro-credential version and the organisation offering it. */
    public record Offered(String microCredentialId, int version, String title, String organizationId,
                          String organizationName, List<String> evidenceTitles) {
    }

    /** The awaited coach arrives: {@code awaiting-coach -> in-progress}. */
    public Enrollment withCoach(Person assigned, String now) {
        return new Enrollment(id, status.requireMoveTo(EnrollmentStatus.IN_PROGRESS), microCredentialId,
                microCredentialVersion, microCredentialTitle, organizationId, organizationName, learner,
                learnerOrganizationId, assigned, plcGroupId, attempts, evidenceTitles, createdAt, now, version + 1);
    }

    /**
     * An admin moves the enrolment to another coach; the status stays. While a review waits
     * ({@code submitted}) {@code updatedAt} keeps the submission time, so moving the review does
     * not reset how long it has waited (the queue and the reminders count from it).
     */
    public Enrollment withReassignedCoach(Person next, String now) {
        return new Enrollment(id, status, microCredentialId, microCredentialVersion, microCredentialTitle,
                organizationId, organizationName, learner, learnerOrganizationId, next, plcGroupId, attempts,
                evidenceTitles, createdAt, status == EnrollmentStatus.SUBMITTED ? updatedAt : now, version + 1);
    }

    /** Any other move of the state machine (submissions and reviews drive the later ones). */
    public Enrollment movedTo(EnrollmentStatus next, String now) {
        return new Enrollment(id, status.requireMoveTo(next), microCredentialId, microCredentialVersion,
                microCredentialTitle, organizationId, organizationName, learner, learnerOrganizationId, coach,
                plcGroupId, attempts, evidenceTitles, createdAt, now, version + 1);
    }

    public boolean isLearner(String userId) {
        return learner.id().equals(userId);
    }

    public boolean isCoachedBy(String userId) {
        return coach != null && coach.id().equals(userId);
    }
}
