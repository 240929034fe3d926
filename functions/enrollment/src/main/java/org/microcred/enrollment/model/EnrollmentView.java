package org.microcred.enrollment.model;

import java.util.List;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.Person;

/** The full enrolment as the learner, their coach and their organisation's admins see it. */
public record EnrollmentView(String view, String id, EnrollmentStatus status, String microCredentialId,
                             int microCredentialVersion, String microCredentialTitle, String organizationId,
                             String organizationName, Person learner, Person coach, int attempts, String nextStep,
                             PlcView plc, String createdAt, String updatedAt, long version) {

    public static EnrollmentView of(Enrollment enrollment, PlcView plc) {
        return new EnrollmentView("full", enrollment.id(), enrollment.status(), enrollment.microCredentialId(),
                enrollment.microCredentialVersion(), enrollment.microCredentialTitle(), enrollment.organizationId(),
                enrollment.organizationName(), enrollment.learner(), enrollment.coach(), enrollment.attempts(),
                NextStep.of(enrollment), plc, enrollment.createdAt(), enrollment.updatedAt(), enrollment.version());
    }

    /** A PLC as its members see it: names and statuses, never evidence. */
    public record PlcView(String groupId, List<PlcMemberView> members) {
        public PlcView {
            members = List.copyOf(members);
        }
    }

    /** {@code you} is set only on the viewer's own entry, so clients can highlight it. */
    public record PlcMemberView(String enrollmentId, String name, EnrollmentStatus status, Boolean you) {
    }
}
