package org.microcred.review.service;

import java.util.List;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.Person;
import org.microcred.review.model.WaitingReview;
import org.microcred.shared.web.Html;

/**
 * The reminder emails: to a coach, their reviews over target with a fresh link each; to an
 * organisation's admins, the list of its overdue reviews. HTML and text say the same; every
 * person- or author-supplied value is escaped. Message ids carry the day, so one run a day at
 * most sends each.
 */
public class ReminderEmails {
    private static final String STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;"
            + "color:#1f2933;max-width:600px";

    private final String webAppUrl;

    public ReminderEmails(String webAppUrl) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    }

    /** A review to list in a coach's reminder, with the link that opens it. */
    public record LinkedReview(WaitingReview review, String reviewUrl) {
    }

    public OutboxEmail coachReminder(Person coach, String organizationId, String organizationName, String day,
                                     List<LinkedReview> reviews, String now) {
        String heading = reviews.size() == 1 ? "A review is waiting longer than planned"
                : reviews.size() + " reviews are waiting longer than planned";
        String intro = "These submissions have waited longer than your organisation's target for feedback. "
                + "Educators learn most when feedback comes soon; please review them when you can.";
        StringBuilder html = start(heading).append("<p>Hello ").append(Html.escape(coach.name())).append(",</p>\n<p>")
                .append(Html.escape(intro)).append("</p>\n<ul>\n");
        StringBuilder text = new StringBuilder(heading).append("\n\nHello ").append(coach.name()).append(",\n\n")
                .append(intro).append("\n\n");
        for (LinkedReview linked : reviews) {
            WaitingReview review = linked.review();
            String line = review.learnerName() + ", \"" + review.microCredentialTitle() + "\" (attempt "
                    + review.attempt() + "): waiting " + days(review.businessDaysWaited()) + ", target "
                    + days(review.targetBusinessDays()) + ", submitted " + review.submittedAt().substring(0, 10);
            html.append("  <li>").append(Html.escape(line)).append(". <a href=\"").append(Html.escape(linked.reviewUrl()))
                    .append("\">Review now</a></li>\n");
            text.append("  - ").append(line).append(".\n    Review now: ").append(linked.reviewUrl()).append("\n");
        }
        String note = "Each link is for you only and works for 14 days.";
        html.append("</ul>\n<p>").append(Html.escape(note)).append("</p>\n");
        text.append("\n").append(note).append("\n\n");
        finish(html, text, organizationName);
        return new OutboxEmail("reminder-" + coach.id() + "-" + day, organizationId, organizationName,
                List.of(coach.email()), null, "Reminder: " + heading.toLowerCase(java.util.Locale.ROOT),
                html.toString(), text.toString(), now);
    }

    public OutboxEmail adminSummary(String organizationId, String organizationName, List<String> adminEmails,
                                    String day, List<WaitingReview> overdue, String now) {
        String heading = overdue.size() == 1 ? "1 review is over the feedback target"
                : overdue.size() + " reviews are over the feedback target";
        String intro = "Their coaches were reminded today. You can move a waiting review to another coach of the "
                + "pool if a coach is unavailable.";
        StringBuilder html = start(heading).append("<p>").append(Html.escape(intro)).append("</p>\n<ul>\n");
        StringBuilder text = new StringBuilder(heading).append("\n\n").append(intro).append("\n\n");
        for (WaitingReview review : overdue) {
            String line = review.learnerName() + ", \"" + review.microCredentialTitle() + "\": coach "
                    + review.coachName() + ", waiting " + days(review.businessDaysWaited()) + " (target "
                    + days(review.targetBusinessDays()) + ")";
            html.append("  <li>").append(Html.escape(line)).append("</li>\n");
            text.append("  - ").append(line).append("\n");
        }
        html.append("</ul>\n<p><a href=\"").append(Html.escape(webAppUrl)).append("\">Open microcred</a></p>\n");
        text.append("\nOpen microcred: ").append(webAppUrl).append("\n\n");
        finish(html, text, organizationName);
        return new OutboxEmail("overdue-" + organizationId + "-" + day, organizationId, organizationName,
                adminEmails, null, heading, html.toString(), text.toString(), now);
    }

    private static StringBuilder start(String heading) {
        return new StringBuilder("<!doctype html>\n<html><body style=\"").append(STYLE).append("\">\n")
                .append("<h1 style=\"font-size:20px\">").append(Html.escape(heading)).append("</h1>\n");
    }

    private static void finish(StringBuilder html, StringBuilder text, String organizationName) {
        html.append("<p style=\"color:#52606d\">").append(Html.escape(organizationName))
                .append(" professional learning</p>\n</body></html>\n");
        text.append("-- \n").append(organizationName).append(" professional learning\n");
    }

    private static String days(long count) {
        return count == 1 ? "1 business day" : count + " business days";
    }
}
