package org.microcred.enrollment.model;

import java.util.List;

/** The optional body of {@code POST /microcredentials/{id}/enrollments}. */
public record EnrollRequest(List<String> plcMemberEmails) {
    public EnrollRequest {
        plcMemberEmails = plcMemberEmails == null ? List.of() : plcMemberEmails;
    }

    public static EnrollRequest alone() {
        return new EnrollRequest(List.of());
    }
}
