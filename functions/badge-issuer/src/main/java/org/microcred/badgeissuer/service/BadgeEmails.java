package org.microcred.badgeissuer.service;

import java.util.List;
import java.util.Objects;
import org.microcred.badgeissuer.model.Badge;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.web.Html;

/**
 * The learner's "your badge is ready" email: congratulations and the link to the badge page,
 * where it can be viewed, verified, downloaded and shared. HTML and text say the same; every
 * person- or author-supplied value is escaped.
 */
public class BadgeEmails {
    private final BadgeUrls urls;

    public BadgeEmails(BadgeUrls urls) {
        this.urls = urls;
    }

    /** Message id {@code <enrollmentId>#badge-issued}: one email per enrolment, however often retried. */
    public OutboxEmail issued(Badge badge, String now) {
        Enrollment enrollment = badge.sources().enrollment();
        String title = badge.sources().microCredential().title();
        String organization = badge.sources().issuer().name();
        String url = urls.badge(badge.badgeId());
        String heading = "Your badge for " + title + " is ready";
        String summary = "Congratulations! " + organization + " has issued you a digital badge for " + title
                + ". It is an Open Badges 3.0 credential, signed by " + organization + ", that anyone can verify.";
        String html = "<!doctype html>\n<html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;"
                + "line-height:1.5;color:#1f2933;max-width:600px\">\n<h1 style=\"font-size:20px\">"
                + Html.escape(heading) + "</h1>\n<p>Hello " + Html.escape(enrollment.learnerName()) + ",</p>\n<p>"
                + Html.escape(summary) + "</p>\n<p>On the badge page you can view and verify it, download the badge "
                + "image or the credential, and share it on your profile or CV.</p>\n<p><a href=\""
                + Html.escape(url) + "\">View your badge</a></p>\n<p style=\"color:#52606d\">"
                + Html.escape(organization) + " professional learning</p>\n</body></html>\n";
        String text = heading + "\n\nHello " + enrollment.learnerName() + ",\n\n" + summary
                + "\n\nOn the badge page you can view and verify it, download the badge image or the credential, "
                + "and share it on your profile or CV.\n\nView your badge: " + url + "\n\n-- \n" + organization
                + " professional learning\n";
        return new OutboxEmail(enrollment.enrollmentId() + "#badge-issued", badge.sources().issuer().organizationId(),
                Objects.requireNonNullElse(organization, ""), List.of(enrollment.learnerEmail()), null,
                "Your badge: " + title, html, text, now);
    }
}
