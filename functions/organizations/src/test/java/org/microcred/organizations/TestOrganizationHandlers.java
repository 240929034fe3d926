package org.microcred.organizations;

import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.shared.config.FunctionEnvironment;

/** OrganizationFunction's real handler with accounts of the test's choosing (the wiring is package-private). */
public final class TestOrganizationHandlers {
    private TestOrganizationHandlers() {
    }

    public static OrganizationHandler withAccounts(FunctionEnvironment environment, UserAccounts accounts) {
        return new OrganizationHandler(OrganizationHandler.services(OrganizationConfig.from(environment), environment,
                accounts));
    }
}
