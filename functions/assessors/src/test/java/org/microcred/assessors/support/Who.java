package org.microcred.assessors.support;

import java.util.List;
import org.microcred.emulators.junit.TestCaller;
import org.microcred.records.learning.Person;

/** A signed-in person as the JWT authorizer describes them. */
public record Who(String userId, String email, String name, String organizationId, String group)
        implements TestCaller {
    public static Who learner(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, Fixture.ORGANIZATION, "learner");
    }

    public static Who coach(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, Fixture.ORGANIZATION, "coach");
    }

    public static Who admin(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, Fixture.ORGANIZATION, "org-admin");
    }

    public static Who adminOf(String organizationId, String userId, String name) {
        return new Who(userId, userId + "@other.example", name, organizationId, "org-admin");
    }

    public Person person() {
        return new Person(userId, name, email);
    }

    @Override
    public List<String> groups() {
        return List.of(group);
    }
}
