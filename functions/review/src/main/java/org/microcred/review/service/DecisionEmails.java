package org.microcred.review.service;

import java.util.List;
import org.microcred.records.learning.CriterionScore;
import org.microcred.records.learning.Decision;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.shared.web.Html;

/**
 * The learner's email about a decision: the outcome, the level and feedback per criterion and
 * the overall feedback. HTML and text say the same; every supplied value is escaped.
 */
public class DecisionEmails {
    private final String webAppUrl;

    public DecisionEmails(String webAppUrl) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
    }

    public OutboxEmail decided(Enrollment enrollment, Rubric rubric, Decision decision, String now) {
        String title = enrollment.microCredentialTitle();
        String heading = decision.isMastery() ? "You earned " + title : "Your coach asks for a revision of " + title;
        String summary = decision.isMastery()
                ? "Congratulations: " + decision.coachName() + " decided that attempt " + decision.attempt()
                        + " shows mastery."
                : decision.coachName() + " reviewed attempt " + decision.attempt()
                        + " and asks you to revise your evidence and submit it again.";
        StringBuilder html = new StringBuilder("<!doctype html>\n<html><body style=\"font-family:Arial,Helvetica,"
                + "sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:600px\">\n<h1 style=\"font-size:"
                + "20px\">").append(Html.escape(heading)).append("</h1>\n<p>Hello ")
                .append(Html.escape(enrollment.learner().name())).append(",</p>\n<p>").append(Html.escape(summary))
                .append("</p>\n");
        StringBuilder text = new StringBuilder(heading).append("\n\nHello ").append(enrollment.learner().name())
                .append(",\n\n").append(summary).append("\n\n");
        if (decision.feedback() != null && !decision.feedback().isBlank()) {
            html.append("<h2 style=\"font-size:17px\">Feedback</h2>\n").append(Html.paragraphs(decision.feedback()));
            text.append("Feedback:\n").append(decision.feedback().strip()).append("\n\n");
        }
        html.append("<h2 style=\"font-size:17px\">Rubric</h2>\n<ul>\n");
        text.append("Rubric:\n");
        for (CriterionScore score : decision.scores()) {
            RubricCriterion criterion = rubric.criterion(score.criterionId()).orElse(null);
            String name = criterion == null ? score.criterionId() : criterion.criterion();
            String level = criterion == null ? score.levelId()
                    : criterion.level(score.levelId()).map(l -> l.name()).orElse(score.levelId());
            html.append("  <li><strong>").append(Html.escape(name)).append(":</strong> ").append(Html.escape(level));
            text.append("  - ").append(name).append(": ").append(level);
            if (score.feedback() != null && !score.feedback().isBlank()) {
                html.append(". ").append(Html.escape(score.feedback()));
                text.append(". ").append(score.feedback());
            }
            html.append("</li>\n");
            text.append("\n");
        }
        String url = webAppUrl + "/enrollments/" + enrollment.id();
        html.append("</ul>\n<p><a href=\"").append(Html.escape(url)).append("\">Open your enrolment</a></p>\n")
                .append("<p style=\"color:#52606d\">").append(Html.escape(enrollment.organizationName()))
                .append(" professional learning</p>\n</body></html>\n");
        text.append("\nOpen your enrolment: ").append(url).append("\n\n-- \n").append(enrollment.organizationName())
                .append(" professional learning\n");
        String subject = decision.isMastery() ? "Mastery: " + title : "Revision requested: " + title;
        return new OutboxEmail(enrollment.id() + "#decision-" + decision.attempt(), enrollment.organizationId(),
                enrollment.organizationName(), List.of(enrollment.learner().email()),
                enrollment.coach() == null ? null : enrollment.coach().email(), subject, html.toString(),
                text.toString(), now);
    }
}
