package org.microcred.organizations.service;

import java.util.Set;
import org.microcred.shared.identity.Role;

/**
 * One person as an admin or a roster describes them, already validated.
 *
 * @param active null = leave as it is (a new member is active)
 */
public record MemberInput(String email, String givenName, String familyName, Set<Role> roles, String sourcedId,
                          Boolean active) {
    public MemberInput {
        roles = Set.copyOf(roles);
    }
}
