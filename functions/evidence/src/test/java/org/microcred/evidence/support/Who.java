package org.microcred.evidence.support;

import java.util.List;
import org.microcred.emulators.junit.TestCaller;
import org.microcred.records.learning.Person;

/** A signed-in person as the JWT authorizer describes them. */
public record Who(String userId, String email, String name, String organizationId, String group)
        implements TestCaller {
    public static Who learner(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, "org-riverbend", "learner");
    }

    public static Who coach(String userId, String name) {
        return new Who(userId, userId + "@riverbend.k12.example", name, "org-riverbend", "coach");
    }

    public Person person() {
        return new Person(userId, name, email);
    }

    @Override
    public List<String> groups() {
        return List.of(group);
    }
}
