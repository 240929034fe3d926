package org.microcred.organizations.service;

import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Who may administer what: the one place this function decides it. */
public final class OrganizationAccess {
    private OrganizationAccess() {
    }

    public static void requirePlatformAdmin(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new Forbidden("Only platform administrators may create or list organisations.");
        }
    }

    /** An org admin of that very organisation, or a platform admin. */
    public static void requireAdminOf(Caller caller, String organizationId) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (!caller.has(Role.ORG_ADMIN) || !organizationId.equals(caller.organizationId())) {
            throw new Forbidden("Only administrators of organisation " + organizationId + " may do this.");
        }
    }
}
