package org.microcred.badges.service;

import java.util.List;
import java.util.Objects;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.Revocation;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.web.Html;

/**
 * The learner's "your badge was revoked" email, sent through the outbox in the same
 * transaction as the revocation. HTML and text say the same; every supplied value is escaped.
 */
public class RevocationEmails {
    private final BadgeUrls urls;

    public RevocationEmails(BadgeUrls urls) {
        this.urls = urls;
    }

    /** Message id {@code <enrollmentId>#badge-revoked}: a retried revocation cannot queue it twice. */
    public OutboxEmail revoked(Badge badge, Revocation revocation) {
        String organization = badge.organizationName();
        String url = urls.badge(badge.badgeId());
        String heading = "Your badge for " + badge.title() + " has been revoked";
        String summary = organization + " revoked the badge it issued to you for " + badge.title() + " on "
                + revocation.revokedAt().substring(0, 10) + ".";
        String next = "The badge page and every verification now show it as revoked. If you think this is a "
                + "mistake, contact " + organization + ".";
        String html = "<!doctype html>\n<html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;"
                + "line-height:1.5;color:#1f2933;max-width:600px\">\n<h1 style=\"font-size:20px\">"
                + Html.escape(heading) + "</h1>\n<p>Hello " + Html.escape(badge.learnerName()) + ",</p>\n<p>"
                + Html.escape(summary) + "</p>\n<p><strong>Reason:</strong> " + Html.escape(revocation.reason())
                + "</p>\n<p>" + Html.escape(next) + "</p>\n<p><a href=\"" + Html.escape(url)
                + "\">See the badge page</a></p>\n</body></html>\n";
        String text = heading + "\n\nHello " + badge.learnerName() + ",\n\n" + summary + "\n\nReason: "
                + revocation.reason() + "\n\n" + next + "\n\nBadge page: " + url + "\n";
        List<String> to = badge.learnerEmail() == null ? List.of() : List.of(badge.learnerEmail());
        return new OutboxEmail(badge.enrollmentId() + "#badge-revoked", badge.organizationId(),
                Objects.requireNonNullElse(organization, ""), to, null, "Your badge was revoked: " + badge.title(),
                html, text, revocation.revokedAt());
    }
}
