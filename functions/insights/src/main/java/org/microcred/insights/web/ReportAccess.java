package org.microcred.insights.web;

import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Who may read an organisation's reports: its own admins, and platform admins. */
final class ReportAccess {
    private ReportAccess() {
    }

    static void require(Caller caller, String organizationId) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to see reports.");
        }
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (caller.has(Role.ORG_ADMIN) && organizationId.equals(caller.organizationId())) {
            return;
        }
        throw new Forbidden("Only administrators of the organisation can see its reports.");
    }
}
