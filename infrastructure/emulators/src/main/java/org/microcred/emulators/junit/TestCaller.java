package org.microcred.emulators.junit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Someone a function test calls a handler as: the claims API Gateway's Cognito JWT authorizer
 * passes on, read back by shared's {@code Caller.from}. A module's own test people (its
 * {@code Who} or {@code Person}) implement it, or a test makes one with {@link #of}.
 */
public interface TestCaller {
    String userId();

    /** The {@code email} claim, or null to leave it out. */
    String email();

    /** The {@code name} claim, or null to leave it out. */
    String name();

    /** The {@code custom:orgId} claim, or null for a caller without an organisation. */
    String organizationId();

    /** The Cognito groups, e.g. {@code learner}, {@code coach}, {@code org-admin}, {@code platform-admin}. */
    List<String> groups();

    /**
     * The claims as {@code requestContext.authorizer.jwt.claims} holds them: groups flattened to
     * {@code "[a b]"}, absent claims left out.
     */
    default Map<String, String> claims() {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", userId());
        putIfPresent(claims, "email", email());
        putIfPresent(claims, "name", name());
        claims.put("cognito:groups", "[" + String.join(" ", groups()) + "]");
        putIfPresent(claims, "custom:orgId", organizationId());
        return claims;
    }

    static TestCaller of(String userId, String email, String name, String organizationId, String... groups) {
        return new Signed(userId, email, name, organizationId, List.of(groups));
    }

    static TestCaller learner(String userId, String organizationId) {
        return of(userId, userId + "@example.org", userId, organizationId, "learner");
    }

    static TestCaller coach(String userId, String organizationId) {
        return of(userId, userId + "@example.org", userId, organizationId, "coach");
    }

    static TestCaller orgAdmin(String userId, String organizationId) {
        return of(userId, userId + "@example.org", userId, organizationId, "org-admin");
    }

    /** A platform administrator: no organisation claim. */
    static TestCaller platformAdmin(String userId) {
        return of(userId, userId + "@example.org", userId, null, "platform-admin");
    }

    private static void putIfPresent(Map<String, String> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    /** A caller made from its claims. */
    record Signed(String userId, String email, String name, String organizationId, List<String> groups)
            implements TestCaller {
        public Signed {
            groups = List.copyOf(groups);
        }
    }
}
