package org.microcred.enrollment.model;

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
     */
    public static Enrollment start(String id, Offering offering, Organization offeredBy, Person learner,
                                   String learnerOrganizationId, Person coach, String plcGroupId, String now) {
        EnrollmentStatus status = EnrollmentStatus.ENROLLED
                .requireMoveTo(coach == null ? EnrollmentStatus.AWAITING_COACH : EnrollmentStatus.IN_PROGRESS);
        return new Enrollment(id, status, offering.microCredentialId(), offering.version(), offering.title(),
                offering.organizationId(), offeredBy.name(), learner, learnerOrganizationId, coach, plcGroupId,
                0, offering.evidenceTitles(), now, now, 1);
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

    /** What the learner should do next, in words. */
    public String nextStep() {
        String evidence = evidenceTitles.isEmpty() ? "the evidence the micro-credential asks for"
                : String.join("; ", evidenceTitles);
        return switch (status) {
            case ENROLLED -> "Your enrolment is being set up.";
            case AWAITING_COACH -> "Your organisation is assigning you a coach; you will get an email as soon as "
                    + "they do. Meanwhile, read the micro-credential and plan your evidence: " + evidence + ".";
            case IN_PROGRESS -> "Meet your coach " + coach.name() + " and prepare your evidence: " + evidence
                    + ". Submit it when it is ready.";
            case SUBMITTED -> "Your evidence is submitted; your coach will start reviewing it soon.";
            case UNDER_REVIEW -> "Your coach is reviewing your evidence; you will get an email with the decision.";
            case NEEDS_REVISION -> "Read your coach's feedback, revise your evidence and submit it again.";
            case MASTERED -> "Congratulations, you have earned this micro-credential.";
            case WITHDRAWN -> "You withdrew from this micro-credential. You may enrol again while it is offered.";
        };
    }
}
