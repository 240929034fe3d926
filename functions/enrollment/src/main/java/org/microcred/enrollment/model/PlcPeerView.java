package org.microcred.enrollment.model;

import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;

/** What a PLC member may see of a colleague's enrolment: whose it is and its status. */
public record PlcPeerView(String view, String id, EnrollmentStatus status, String microCredentialId,
                          String microCredentialTitle, String learnerName, String plcGroupId) {

    public static PlcPeerView of(Enrollment enrollment) {
        return new PlcPeerView("plc-peer", enrollment.id(), enrollment.status(), enrollment.microCredentialId(),
                enrollment.microCredentialTitle(), enrollment.learner().name(), enrollment.plcGroupId());
    }
}
