package org.microcred.enrollment.model;

/** The body of {@code PUT /enrollments/{id}/coach}. */
public record AssignCoachRequest(String coachId) {
}
