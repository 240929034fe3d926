package org.microcred.organizations.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A signed-in person as the JWT authorizer describes them: {@code group} is one Cognito group
 * or several separated by spaces, as API Gateway flattens the groups claim.
 */
public record Who(String userId, String organizationId, String group) {
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

    /** The claims API Gateway puts in {@code requestContext.authorizer.jwt.claims}; absent ones are left out. */
    public Map<String, String> claims() {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", userId);
        claims.put("email", userId + "@district.example");
        claims.put("name", userId);
        claims.put("cognito:groups", "[" + group + "]");
        if (organizationId != null) {
            claims.put("custom:orgId", organizationId);
        }
        return claims;
    }
}
