package org.microcred.organizations.roster.support;

import java.util.HashMap;
import java.util.Map;

/** A signed-in person as the JWT authorizer describes them. */
public record Who(String userId, String organizationId, String group) {
    public static Who orgAdmin(String organizationId) {
        return new Who("u-admin-" + organizationId, organizationId, "org-admin");
    }

    public static Who learner(String organizationId) {
        return new Who("u-learner-" + organizationId, organizationId, "learner");
    }

    Map<String, String> claims() {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", userId);
        claims.put("email", userId + "@district.example");
        claims.put("name", userId);
        claims.put("cognito:groups", "[" + group + "]");
        claims.put("custom:orgId", organizationId);
        return claims;
    }
}
