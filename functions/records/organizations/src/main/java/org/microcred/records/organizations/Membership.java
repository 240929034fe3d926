package org.microcred.records.organizations;

import java.util.List;
import org.microcred.shared.identity.Role;

/**
 * A person's membership of one organisation: the roles they hold there and whether they may
 * still act in it. A deactivated member keeps their record (and their enrolments, evidence and
 * badges); their next token carries no role in the organisation.
 *
 * @param userId    the sign-in account's {@code sub}
 * @param email     lower-cased; on index ByEmail
 * @param sourcedId the person's id in the district's roster (OneRoster {@code sourcedId}), if imported
 * @param revision  optimistic lock, +1 on every change
 */
public record Membership(String organizationId, String userId, String email, String givenName, String familyName,
                         List<Role> roles, boolean active, String sourcedId, long revision, String createdAt,
                         String updatedAt) {
    public Membership {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** "Given Family", the name emails and pages show. */
    public String name() {
        String given = givenName == null ? "" : givenName;
        String family = familyName == null ? "" : familyName;
        return (given + " " + family).strip();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
