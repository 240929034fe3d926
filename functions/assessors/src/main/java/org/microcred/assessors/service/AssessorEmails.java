package org.microcred.assessors.service;

import java.util.List;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.CalibrationResult;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.shared.web.Html;

/**
 * The assessor pathway's emails: the invitation with its accept link, and the news that
 * calibration is passed and live reviews may come. HTML and text say the same; every supplied
 * value is escaped. Message ids are deterministic so a retried change cannot queue one twice.
 */
public class AssessorEmails {
    private static final String STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;"
            + "color:#1f2933;max-width:600px";

    private final String webAppUrl;

    public AssessorEmails(String webAppUrl) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    }

    public OutboxEmail invitation(Assessor assessor, String organizationName, String link, String now) {
        String title = assessor.microCredentialTitle();
        String subject = "You are invited to assess " + title;
        String intro = organizationName + " invites you to become an assessor for " + title
                + ", the micro-credential you earned. Assessors join the coach pool and review other educators' "
                + "evidence against the rubric.";
        String calibration = "Before your first live review you score a short calibration set: submissions that "
                + "senior coaches have already decided. You start live reviews once your agreement with their "
                + "decisions reaches Cohen's kappa " + assessor.minimumKappa()
                + (assessor.minimumExactAgreement() == null ? ""
                        : " and exact agreement " + Math.round(assessor.minimumExactAgreement() * 100) + "%") + ".";
        String expires = "The link works until " + assessor.linkExpiresAt() + ".";
        String html = "<!doctype html>\n<html><body style=\"" + STYLE + "\">\n<h1 style=\"font-size:20px\">"
                + Html.escape(subject) + "</h1>\n<p>Hello " + Html.escape(assessor.name()) + ",</p>\n<p>"
                + Html.escape(intro) + "</p>\n<p>" + Html.escape(calibration) + "</p>\n<p><a href=\""
                + Html.escape(link) + "\">Read the invitation and accept it</a></p>\n<p>" + Html.escape(expires)
                + "</p>\n<p style=\"color:#52606d\">" + Html.escape(organizationName)
                + " professional learning</p>\n</body></html>\n";
        String text = subject + "\n\nHello " + assessor.name() + ",\n\n" + intro + "\n\n" + calibration
                + "\n\nRead the invitation and accept it: " + link + "\n\n" + expires + "\n\n-- \n" + organizationName
                + " professional learning\n";
        return new OutboxEmail("assessor-invitation-" + key(assessor) + "-" + assessor.revision(),
                assessor.organizationId(), organizationName, List.of(assessor.email()), null, subject, html, text, now);
    }

    public OutboxEmail live(Assessor assessor, CalibrationResult result, String organizationName, String now) {
        String title = assessor.microCredentialTitle();
        String subject = "Calibration passed: you can now review " + title;
        String summary = "Your scores agreed with the reference decisions on " + Math.round(result.exactAgreement() * 100)
                + "% of the rubric criteria (Cohen's kappa " + result.kappa() + "). You are now in the coach pool for "
                + title + " and will be assigned learners.";
        String url = webAppUrl + "/coach/reviews";
        String html = "<!doctype html>\n<html><body style=\"" + STYLE + "\">\n<h1 style=\"font-size:20px\">"
                + Html.escape(subject) + "</h1>\n<p>Hello " + Html.escape(assessor.name()) + ",</p>\n<p>"
                + Html.escape(summary) + "</p>\n<p><a href=\"" + Html.escape(url) + "\">Open your review queue</a></p>\n"
                + "<p style=\"color:#52606d\">" + Html.escape(organizationName) + " professional learning</p>\n"
                + "</body></html>\n";
        String text = subject + "\n\nHello " + assessor.name() + ",\n\n" + summary + "\n\nOpen your review queue: " + url
                + "\n\n-- \n" + organizationName + " professional learning\n";
        return new OutboxEmail("assessor-live-" + key(assessor), assessor.organizationId(), organizationName,
                List.of(assessor.email()), null, subject, html, text, now);
    }

    private static String key(Assessor assessor) {
        return assessor.organizationId() + "-" + assessor.microCredentialId() + "-" + assessor.userId();
    }
}
