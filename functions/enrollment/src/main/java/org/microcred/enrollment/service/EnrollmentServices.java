package org.microcred.enrollment.service;

import java.time.Clock;
import org.microcred.records.learning.LearningStore;

/** The enrolment services one handler serves, wired to the same stores. */
public record EnrollmentServices(Enrolling enrolling, EnrollmentChanges changes, EnrollmentQueries queries) {

    public static EnrollmentServices create(Offerings offerings, Organizations organizations,
                                            LearningStore learning, String webAppUrl, WaitingReviewLinks reviewLinks,
                                            Clock clock) {
        EnrollmentEmails emails = new EnrollmentEmails(webAppUrl, clock);
        Reassigning reassigning = new Reassigning(offerings, organizations, learning, emails, reviewLinks, clock);
        return new EnrollmentServices(new Enrolling(offerings, organizations, learning, emails, clock),
                new EnrollmentChanges(organizations, learning, emails, reassigning, clock),
                new EnrollmentQueries(learning));
    }
}
