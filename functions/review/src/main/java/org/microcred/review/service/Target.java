package org.microcred.review.service;

import org.microcred.enrollment.model.Enrollment;
import org.microcred.evidence.model.Submission;

/** A submitted attempt and the enrolment it belongs to, read together for one request. */
public record Target(Enrollment enrollment, Submission submission) {
}
