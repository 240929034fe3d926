package org.microcred.evidence.service;

import java.util.List;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.web.Html;

/** The email that tells a coach a learner submitted evidence, with the signed review link. */
final class CoachEmails {
    private CoachEmails() {
    }

    static OutboxEmail submitted(Enrollment enrollment, int attempt, String reviewUrl, String now) {
        String learner = enrollment.learner().name() == null ? "Your learner" : enrollment.learner().name();
        String title = enrollment.microCredentialTitle();
        String round = attempt == 1 ? "evidence" : "revised evidence (attempt " + attempt + ")";
        String subject = learner + " submitted " + round + " for " + title;
        String html = "<!doctype html><html><body>"
                + "<p>Hello " + Html.escape(enrollment.coach().name()) + ",</p>"
                + "<p>" + Html.escape(learner) + " submitted " + Html.escape(round) + " for <strong>"
                + Html.escape(title) + "</strong>.</p>"
                + "<p><a href=\"" + Html.escape(reviewUrl) + "\">Review the submission</a></p>"
                + "<p>This link is for you only and expires in 14 days.</p>"
                + "</body></html>";
        String text = "Hello " + enrollment.coach().name() + ",\n\n" + learner + " submitted " + round + " for "
                + title + ".\n\nReview the submission: " + reviewUrl
                + "\n\nThis link is for you only and expires in 14 days.\n";
        return new OutboxEmail(enrollment.id() + "#submitted-" + attempt, enrollment.organizationId(),
                enrollment.organizationName() == null ? "microcred" : enrollment.organizationName(),
                List.of(enrollment.coach().email()), enrollment.learner().email(), subject, html, text, now);
    }
}
