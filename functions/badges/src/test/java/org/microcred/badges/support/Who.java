package org.microcred.badges.support;

import java.util.List;
import org.microcred.emulators.junit.TestCaller;

/** A signed-in person as the JWT authorizer describes them. */
public record Who(String userId, String email, String name, String organizationId, String group)
        implements TestCaller {
    public static Who learner(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, BadgeFixture.ORGANIZATION, "learner");
    }

    public static Who admin(String userId, String organizationId) {
        return new Who(userId, userId + "@" + organizationId + ".example", "Admin " + userId, organizationId,
                "org-admin");
    }

    public static Who coach(String userId) {
        return new Who(userId, userId + "@riverbend.k12.example", "Coach " + userId, BadgeFixture.ORGANIZATION, "coach");
    }

    @Override
    public List<String> groups() {
        return List.of(group);
    }
}
