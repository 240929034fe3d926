package org.microcred.catalog.web;

import static org.microcred.shared.web.Html.escape;
import static org.microcred.shared.web.Html.paragraphs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import org.microcred.records.catalog.Activity;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.records.catalog.Resource;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;

/**
 * The printable page of one micro-credential: everything an educator needs on paper or as a PDF,
 * with every research link clickable and shown in full when printed. No scripts, no external assets.
 */
public final class PrintPage {
    private static final String STYLE = """
            body{font:16px/1.5 Georgia,'Times New Roman',serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
            h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #999;margin-top:2rem}
            .meta{color:#444;font-size:.9rem}.competency{font-size:1.1rem;font-weight:bold}
            table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}
            .passing{font-weight:bold}.retired{color:#a00;font-weight:bold}
            a{color:#0645ad}
            @media print{body{margin:0;max-width:none}a::after{content:" (" attr(href) ")";font-size:.8rem;color:#444;word-break:break-all}
            h2{break-after:avoid}table,li{break-inside:avoid}}
            """;

    /**
     * The page's own policy: its one style sheet, allowed by its hash rather than every inline
     * style; the shared headers add framing, base and form rules.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'";

    private PrintPage() {
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(PublishedMicroCredential published) {
        MicroCredentialDocument d = published.document();
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(d.title())).append(" (micro-credential)</title>")
                .append("<style>").append(STYLE).append("</style></head><body><main>\n")
                .append("<h1>").append(escape(d.title())).append("</h1>\n")
                .append("<p class=\"meta\">Micro-credential ").append(escape(published.id()))
                .append(", version ").append(published.version()).append(", published ")
                .append(escape(published.publishedAt().substring(0, 10)));
        if (d.collection() != null) {
            html.append(" &middot; collection: ").append(escape(d.collection()));
        }
        if (d.creditHours() != null) {
            html.append(" &middot; ").append(formatHours(d.creditHours())).append(" credit hours");
        }
        html.append("</p>\n");
        if (published.status() == CatalogStatus.RETIRED) {
            html.append("<p class=\"retired\">This micro-credential has been retired and is no longer offered.</p>\n");
        }
        if (d.summary() != null) {
            html.append("<p>").append(escape(d.summary())).append("</p>\n");
        }
        section(html, "Competency", "<p class=\"competency\">" + escape(d.competency()) + "</p>");
        section(html, "Key method", paragraphs(d.keyMethod()));
        section(html, "About this micro-credential", paragraphs(d.description()));
        section(html, "Research and resources", d.resources().stream().map(PrintPage::resource)
                .collect(Collectors.joining("\n", "<ul>\n", "\n</ul>")));
        section(html, "Activities", d.activities().stream().map(PrintPage::activity)
                .collect(Collectors.joining("\n", "<ol>\n", "\n</ol>")));
        section(html, "Required evidence", d.evidenceRequirements().stream().map(PrintPage::evidence)
                .collect(Collectors.joining("\n", "<ol>\n", "\n</ol>")));
        html.append("<h2>Rubric</h2>\n");
        d.rubric().forEach(criterion -> html.append(criterion(criterion)));
        return html.append("</main></body></html>\n").toString();
    }

    private static void section(StringBuilder html, String heading, String body) {
        html.append("<h2>").append(heading).append("</h2>\n").append(body).append('\n');
    }

    private static String resource(Resource resource) {
        String title = escape(resource.title());
        String link = resource.url() == null ? title
                : "<a href=\"" + escape(resource.url()) + "\" rel=\"noopener noreferrer\">" + title + "</a>";
        String description = resource.description() == null ? "" : ": " + escape(resource.description());
        return "<li>" + link + description + "</li>";
    }

    private static String activity(Activity activity) {
        return "<li><strong>" + escape(activity.title()) + "</strong>"
                + (activity.description() == null ? "" : "<br>" + escape(activity.description())) + "</li>";
    }

    private static String evidence(EvidenceRequirement requirement) {
        String kinds = requirement.kinds().stream().map(Object::toString).collect(Collectors.joining(", "));
        StringBuilder item = new StringBuilder("<li><strong>").append(escape(requirement.title())).append("</strong>")
                .append(Boolean.TRUE.equals(requirement.required()) ? "" : " (optional)")
                .append("<br>").append(escape(requirement.prompt()))
                .append("<br><small>Accepted: ").append(escape(kinds));
        if (requirement.acceptsFiles() && requirement.maxSizeBytes() != null) {
            item.append("; files up to ").append(formatBytes(requirement.maxSizeBytes()))
                    .append(" (").append(escape(String.join(", ", requirement.mediaTypes()))).append(')');
        }
        return item.append("</small></li>").toString();
    }

    private static String criterion(RubricCriterion criterion) {
        StringBuilder table = new StringBuilder("<table>\n<caption><strong>")
                .append(escape(criterion.criterion())).append("</strong>");
        if (criterion.description() != null) {
            table.append(": ").append(escape(criterion.description()));
        }
        table.append("</caption>\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Description</th></tr></thead><tbody>\n");
        for (RubricLevel level : criterion.levels()) {
            table.append("<tr").append(level.passing() ? " class=\"passing\"" : "").append("><th scope=\"row\">")
                    .append(escape(level.name())).append(level.passing() ? " (passing)" : "").append("</th><td>")
                    .append(escape(level.description())).append("</td></tr>\n");
        }
        return table.append("</tbody></table>\n").toString();
    }

    private static String formatHours(double hours) {
        return hours == Math.rint(hours) ? Long.toString((long) hours) : Double.toString(hours);
    }

    static String formatBytes(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return Math.round(bytes / (double) (1L << 20)) + " MiB";
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KiB";
    }
}
