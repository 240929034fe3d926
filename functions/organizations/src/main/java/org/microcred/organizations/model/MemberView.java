package org.microcred.organizations.model;

import java.util.List;
import org.microcred.records.organizations.Membership;
import org.microcred.shared.identity.Role;

/**
 * A member as the org admin sees them. {@code openEnrollments} is set for a deactivated coach:
 * the enrolments still assigned to them, which need another coach.
 */
public record MemberView(String userId, String organizationId, String email, String givenName, String familyName,
                         String name, List<String> roles, boolean active, String sourcedId, long revision,
                         String createdAt, String updatedAt, List<CoachedEnrollment> needsReassignment) {

    public static MemberView of(Membership member) {
        return of(member, null);
    }

    public static MemberView of(Membership member, List<CoachedEnrollment> needsReassignment) {
        return new MemberView(member.userId(), member.organizationId(), member.email(), member.givenName(),
                member.familyName(), member.name(), member.roles().stream().map(Role::group).toList(),
                member.active(), member.sourcedId(), member.revision(), member.createdAt(), member.updatedAt(),
                needsReassignment);
    }

    /** An open enrolment coached by this member ({@code PUT /enrollments/{id}/coach} moves it). */
    public record CoachedEnrollment(String enrollmentId, String status, String microCredentialId, String title,
                                    String learnerName) {
    }
}
