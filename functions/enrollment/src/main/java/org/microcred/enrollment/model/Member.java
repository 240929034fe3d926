package org.microcred.enrollment.model;

import org.microcred.records.learning.Person;

/** A person in an organisation's member directory (how PLC colleagues are found by email). */
public record Member(String userId, String organizationId, String email, String name) {
    public Person person() {
        return new Person(userId, name, email);
    }
}
