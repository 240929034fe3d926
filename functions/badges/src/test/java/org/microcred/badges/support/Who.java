package org.microcred.badges.support;

/** A signed-in person as the JWT authorizer describes them. */
public record Who(String userId, String email, String name, String organizationId, String group) {
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
}
