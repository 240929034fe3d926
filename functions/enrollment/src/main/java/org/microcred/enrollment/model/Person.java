package org.microcred.enrollment.model;

/** Someone named on an enrolment: a learner or a coach. */
public record Person(String id, String name, String email) {
}
