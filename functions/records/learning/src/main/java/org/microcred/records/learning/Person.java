package org.microcred.records.learning;

import org.microcred.records.organizations.Coach;

/** Someone named on an enrolment: a learner or a coach. */
public record Person(String id, String name, String email) {

    /** The coach as the enrolment names them. */
    public static Person of(Coach coach) {
        return new Person(coach.userId(), coach.name(), coach.email());
    }
}
