package org.microcred.insights.support;

import org.microcred.emulators.junit.ApiCall;
import org.microcred.emulators.junit.TestCaller;

/** HTTP API events for the report routes, and who is calling. */
public final class Call extends ApiCall<Call> {

    private Call(String report, String orgId) {
        super("GET", "/orgs/{orgId}/reports/" + report);
        pathParameter("orgId", orgId);
    }

    public static Call report(String report, String orgId) {
        return new Call(report, orgId);
    }

    public Call range(String from, String to) {
        return query("from", from).query("to", to);
    }

    public Call as(String userId, String orgId, String groups) {
        return as(TestCaller.of(userId, userId + "@example.org", userId, orgId, groups));
    }

    public Call asAdminOf(String orgId) {
        return as("admin-" + orgId, orgId, "org-admin");
    }
}
