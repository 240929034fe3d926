package org.microcred.insights.web;

import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Who may read an organisation's reports: its own admins, and platform admins. */
final class ReportAccess {
    private ReportAccess() {
    }

    static void require(Caller caller, String organizationId) {
        if (!caller.isAuthenticated()) {
            throw ApiProblem.unauthorized("Sign in to see reports.");
        }
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (caller.has(Role.ORG_ADMIN) && organizationId.equals(caller.organizationId())) {
            return;
        }
        throw ApiProblem.forbidden("Only administrators of the organisation can see its reports.");
    }
}
