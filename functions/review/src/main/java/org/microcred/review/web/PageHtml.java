package org.microcred.review.web;

import java.util.List;
import java.util.Map;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.CriterionScore;
import org.microcred.records.learning.Decision;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;
import org.microcred.review.service.Target;
import org.microcred.shared.web.EvidenceMediaTypes;
import org.microcred.shared.web.FormGuard;
import org.microcred.shared.web.Html;

/**
 * The review page's HTML: server-rendered, no script, readable on a phone. Every value that a
 * learner, coach or author supplied goes through {@link Html#escape}.
 */
final class PageHtml {
    private static final String STYLE = "body{font-family:system-ui,Arial,sans-serif;line-height:1.5;color:#1f2933;"
            + "margin:0 auto;padding:1rem;max-width:48rem}fieldset{margin:1rem 0;border:1px solid #cbd2d9;"
            + "border-radius:4px}label{display:block;margin:.25rem 0}textarea{width:100%;min-height:5rem;"
            + "box-sizing:border-box}img,video,object{max-width:100%}button{font-size:1rem;padding:.6rem 1rem;"
            + "margin:.5rem .5rem 0 0}.error{color:#b91c1c}";

    private PageHtml() {
    }

    static String document(String title, String main) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + Html.escape(title) + "</title><style>"
                + STYLE + "</style></head>\n<body><main>\n" + main + "</main></body></html>\n";
    }

    static String message(String heading, String text) {
        return document(heading, "<h1>" + Html.escape(heading) + "</h1>\n<p>" + Html.escape(text) + "</p>\n");
    }

    /** The form to decide the attempt. */
    static String form(Target target, Rubric rubric, List<Artifact> artifacts, Map<String, String> urls,
                       List<Decision> earlier, FormGuard.Fields guard, Map<String, String> values, List<String> errors) {
        var enrollment = target.enrollment();
        StringBuilder main = new StringBuilder();
        main.append("<h1>Review: ").append(Html.escape(enrollment.microCredentialTitle())).append("</h1>\n")
                .append("<p>Learner: ").append(Html.escape(enrollment.learner().name())).append(". Attempt ")
                .append(target.submission().attempt()).append(", submitted ")
                .append(Html.escape(target.submission().submittedAt())).append(".</p>\n")
                .append("<h2>Competency</h2>\n<p>").append(Html.escape(rubric.competency())).append("</p>\n");
        appendArtifacts(main, rubric, artifacts, urls);
        appendEarlier(main, rubric, earlier);
        if (!errors.isEmpty()) {
            main.append("<div class=\"error\" role=\"alert\"><h2>The decision was not recorded</h2>\n<ul>\n");
            errors.forEach(error -> main.append("<li>").append(Html.escape(error)).append("</li>\n"));
            main.append("</ul></div>\n");
        }
        main.append("<h2>Rubric</h2>\n<form method=\"post\">\n")
                .append("<input type=\"hidden\" name=\"nonce\" value=\"").append(Html.escape(guard.nonce())).append("\">\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.escape(guard.mac())).append("\">\n");
        for (RubricCriterion criterion : rubric.criteria()) {
            main.append("<fieldset>\n<legend>").append(Html.escape(criterion.criterion())).append("</legend>\n");
            if (!criterion.description().isBlank()) {
                main.append("<p>").append(Html.escape(criterion.description())).append("</p>\n");
            }
            String chosen = values.get("level." + criterion.id());
            for (RubricLevel level : criterion.levels()) {
                String id = "level-" + criterion.id() + "-" + level.id();
                main.append("<label for=\"").append(Html.escape(id)).append("\"><input type=\"radio\" id=\"")
                        .append(Html.escape(id)).append("\" name=\"level.").append(Html.escape(criterion.id()))
                        .append("\" value=\"").append(Html.escape(level.id())).append("\" required")
                        .append(level.id().equals(chosen) ? " checked" : "").append("> <strong>")
                        .append(Html.escape(level.name())).append("</strong>")
                        .append(level.passing() ? " (passing)" : "").append(": ")
                        .append(Html.escape(level.description())).append("</label>\n");
            }
            String feedbackId = "feedback-" + criterion.id();
            main.append("<label for=\"").append(Html.escape(feedbackId)).append("\">Feedback on ")
                    .append(Html.escape(criterion.criterion())).append("</label>\n<textarea id=\"")
                    .append(Html.escape(feedbackId)).append("\" name=\"feedback.").append(Html.escape(criterion.id()))
                    .append("\">").append(Html.escape(values.get("feedback." + criterion.id())))
                    .append("</textarea>\n</fieldset>\n");
        }
        main.append("<label for=\"feedback\">Overall feedback (required to ask for a revision)</label>\n")
                .append("<textarea id=\"feedback\" name=\"feedback\">").append(Html.escape(values.get("feedback")))
                .append("</textarea>\n")
                .append("<button type=\"submit\" name=\"outcome\" value=\"mastery\">Award mastery</button>\n")
                .append("<button type=\"submit\" name=\"outcome\" value=\"needs-revision\">Ask for a revision</button>\n")
                .append("</form>\n");
        return document("Review: " + enrollment.microCredentialTitle(), main.toString());
    }

    /** The recorded decision, shown after deciding and whenever the link is opened again. */
    static String decided(Target target, Rubric rubric, Decision decision) {
        StringBuilder main = new StringBuilder();
        main.append("<h1>Decision recorded: ").append(decision.isMastery() ? "mastery" : "needs revision")
                .append("</h1>\n<p>").append(Html.escape(target.enrollment().microCredentialTitle()))
                .append(", attempt ").append(decision.attempt()).append(" of ")
                .append(Html.escape(target.enrollment().learner().name())).append(", decided by ")
                .append(Html.escape(decision.coachName())).append(" at ").append(Html.escape(decision.decidedAt()))
                .append(".</p>\n");
        appendDecision(main, rubric, decision);
        return document("Decision recorded", main.toString());
    }

    private static void appendArtifacts(StringBuilder main, Rubric rubric, List<Artifact> artifacts,
                                        Map<String, String> urls) {
        main.append("<h2>Evidence</h2>\n");
        if (artifacts.isEmpty()) {
            main.append("<p>No artifacts.</p>\n");
        }
        for (Artifact artifact : artifacts) {
            main.append("<section>\n<h3>").append(Html.escape(rubric.requirementTitle(artifact.requirementId())))
                    .append("</h3>\n");
            if (artifact.kind() == ArtifactKind.TEXT) {
                main.append(Html.paragraphs(artifact.text()));
            } else if (artifact.kind() == ArtifactKind.LINK) {
                main.append("<ul><li><a href=\"").append(Html.escape(safeUrl(artifact.url())))
                        .append("\" rel=\"noopener noreferrer\" target=\"_blank\">").append(Html.escape(artifact.url()))
                        .append("</a></li></ul>\n");
            } else if (urls.get(artifact.id()) == null) {
                main.append("<p>").append(Html.escape(artifact.fileName()))
                        .append(": no checked copy of this file can be shown.</p>\n");
            } else {
                String url = Html.escape(urls.get(artifact.id()));
                String name = Html.escape(artifact.fileName());
                String type = artifact.mediaType() == null ? "" : artifact.mediaType();
                // Only passive types are shown in place; for anything else the link is an attachment.
                if (EvidenceMediaTypes.showsInline(type)) {
                    appendEmbedded(main, type, url, name);
                }
                main.append("<p><a href=\"").append(url).append("\" rel=\"noopener noreferrer\">Download ")
                        .append(name).append("</a></p>\n");
            }
            main.append("</section>\n");
        }
    }

    private static void appendEmbedded(StringBuilder main, String type, String url, String name) {
        if (type.startsWith("image/")) {
            main.append("<img src=\"").append(url).append("\" alt=\"").append(name).append("\">\n");
        } else if (type.startsWith("video/")) {
            main.append("<video controls preload=\"metadata\" src=\"").append(url).append("\"></video>\n");
        } else if (type.startsWith("audio/")) {
            main.append("<audio controls preload=\"metadata\" src=\"").append(url).append("\"></audio>\n");
        } else if (type.equals("application/pdf")) {
            // Browsers without a PDF viewer (most phones) show the fallback instead of a blank box.
            main.append("<object data=\"").append(url).append("\" type=\"application/pdf\" width=\"100%\" "
                    + "height=\"480\"><p>").append(name).append(" cannot be shown here: use the download "
                    + "link below.</p></object>\n");
        }
    }

    private static void appendEarlier(StringBuilder main, Rubric rubric, List<Decision> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        main.append("<h2>Earlier attempts</h2>\n");
        for (Decision decision : earlier) {
            main.append("<section>\n<h3>Attempt ").append(decision.attempt()).append(": ")
                    .append(decision.isMastery() ? "mastery" : "needs revision").append("</h3>\n");
            appendDecision(main, rubric, decision);
            main.append("</section>\n");
        }
    }

    private static void appendDecision(StringBuilder main, Rubric rubric, Decision decision) {
        if (decision.feedback() != null) {
            main.append(Html.paragraphs(decision.feedback()));
        }
        main.append("<ul>\n");
        for (CriterionScore score : decision.scores()) {
            RubricCriterion criterion = rubric.criterion(score.criterionId()).orElse(null);
            main.append("<li><strong>").append(Html.escape(criterion == null ? score.criterionId() : criterion.criterion()))
                    .append(":</strong> ").append(Html.escape(criterion == null ? score.levelId()
                            : criterion.level(score.levelId()).map(RubricLevel::name).orElse(score.levelId())));
            if (score.feedback() != null && !score.feedback().isBlank()) {
                main.append(". ").append(Html.escape(score.feedback()));
            }
            main.append("</li>\n");
        }
        main.append("</ul>\n");
    }

    /** Only http(s) links become clickable; anything else (javascript:, data:) is shown as text only. */
    private static String safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : "#";
    }
}
