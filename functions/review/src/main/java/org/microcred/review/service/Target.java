package org.microcred.review.service;

import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.Submission;

/** A submitted attempt and the enrolment it belongs to, read together for one request. */
public record Target(Enrollment enrollment, Submission submission) {
}
