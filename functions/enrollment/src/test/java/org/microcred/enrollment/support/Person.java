package org.microcred.enrollment.support;

import java.util.List;
import org.microcred.emulators.junit.TestCaller;

/** A test person: who they are in the JWT claims and in their organisation's directory. */
public record Person(String userId, String email, String name, String organizationId, List<String> groups)
        implements TestCaller {
    public static Person learner(String userId, String email, String name, String organizationId) {
        return new Person(userId, email, name, organizationId, List.of("learner"));
    }

    public static Person coach(String userId, String email, String name, String organizationId) {
        return new Person(userId, email, name, organizationId, List.of("coach"));
    }

    /** An educator who coaches and also learns: enrols like anyone, and coaches others. */
    public static Person learningCoach(String userId, String email, String name, String organizationId) {
        return new Person(userId, email, name, organizationId, List.of("learner", "coach"));
    }

    public static Person admin(String userId, String organizationId) {
        return new Person(userId, userId + "@admin.example", "Admin " + userId, organizationId, List.of("org-admin"));
    }
}
