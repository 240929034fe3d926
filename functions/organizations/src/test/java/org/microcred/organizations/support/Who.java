package org.microcred.organizations.support;

import java.util.List;
import org.microcred.emulators.junit.TestCaller;

/**
 * A signed-in person as the JWT authorizer describes them: {@code group} is one Cognito group
 * or several separated by spaces, as API Gateway flattens the groups claim.
 */
public record Who(String userId, String organizationId, String group) implements TestCaller {
    public static Who orgAdmin(String organizationId) {
        return new Who("u-admin-" + organizationId, organizationId, "org-admin");
    }

    public static Who learner(String organizationId) {
        return new Who("u-learner-" + organizationId, organizationId, "learner");
    }

    public static Who coach(String organizationId) {
        return new Who("u-coach-" + organizationId, organizationId, "coach");
    }

    /** A platform administrator: no organisation claim, like the token the trigger makes for one. */
    public static Who platformAdmin() {
        return new Who("u-platform-admin", null, "platform-admin");
    }

    @Override
    public String email() {
        return userId + "@district.example";
    }

    @Override
    public String name() {
        return userId;
    }

    @Override
    public List<String> groups() {
        return List.of(group);
    }
}
