package org.microcred.badges.web;

import org.microcred.badges.service.PublicBadge;
import org.microcred.badges.service.Verification;
import org.microcred.shared.web.Html;

/**
 * The public verification page: one small, self-contained HTML document (no scripts, no external
 * assets) that reads well on a phone and in a screen reader. Every value is escaped.
 */
public final class BadgePage {
    private static final String STYLE = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;"
            + "margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#f6f7f9}"
            + "main{max-width:40rem;margin:0 auto;background:#fff;padding:1.25rem;border-radius:8px}"
            + "h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin-top:1.5rem}"
            + "img{max-width:8rem;height:auto}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}"
            + "dt{font-weight:600}dd{margin:0}.revoked{background:#fde8e8;border:2px solid #b42318;color:#7a1a12;"
            + "padding:1rem;border-radius:6px}.valid{background:#e7f6ec;border:2px solid #1a7f37;padding:1rem;"
            + "border-radius:6px}.invalid{background:#fff4e5;border:2px solid #b54708;padding:1rem;border-radius:6px}"
            + "ul.checks{list-style:none;padding:0}ul.checks li{margin:.25rem 0}a{color:#0b57d0}";

    private BadgePage() {
    }

    public static String render(PublicBadge badge) {
        StringBuilder html = new StringBuilder(4096);
        String title = Html.escape(badge.title());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append(" earned by ").append(Html.escape(badge.earner().name()))
                .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        if ("revoked".equals(badge.status())) {
            html.append("<div class=\"revoked\" role=\"alert\"><strong>This badge has been revoked</strong> by ")
                    .append(Html.escape(badge.issuer().name())).append(" on ")
                    .append(Html.escape(date(badge.revokedAt()))).append(". Reason: ")
                    .append(Html.escape(badge.revocationReason())).append("</div>\n");
        }
        html.append("<img src=\"").append(Html.escape(badge.links().png())).append("\" alt=\"Badge image for ")
                .append(title).append("\" width=\"128\" height=\"128\">\n")
                .append("<h1>").append(title).append("</h1>\n")
                .append("<p><strong>").append(Html.escape(badge.earner().name())).append("</strong> earned this ")
                .append("micro-credential from <strong>").append(Html.escape(badge.issuer().name()))
                .append("</strong>.</p>\n");
        if (badge.description() != null) {
            html.append(blocks(badge.description()));
        }
        html.append("<dl>\n");
        row(html, "Earned by", badge.earner().name());
        row(html, "Issued by", badge.issuer().name());
        row(html, "Issued on", date(badge.issuedAt()));
        row(html, "Valid until", badge.validUntil() == null ? "No expiry" : date(badge.validUntil()));
        if (badge.creditHours() != null) {
            row(html, "Credit hours", badge.creditHours() % 1 == 0 ? Long.toString(badge.creditHours().longValue())
                    : badge.creditHours().toString());
        }
        row(html, "Status", badge.status());
        html.append("</dl>\n");
        checks(html, badge.verification(), badge.links());
        if (badge.criteria() != null) {
            html.append("<h2>Criteria</h2>\n").append(blocks(badge.criteria()));
        }
        if (!badge.results().isEmpty()) {
            html.append("<h2>Results</h2>\n<ul>\n");
            for (PublicBadge.Result result : badge.results()) {
                html.append("<li>").append(Html.escape(result.criterion())).append(": ")
                        .append(Html.escape(result.level())).append(result.passed() ? " (met)" : " (not met)")
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (!badge.evidence().isEmpty()) {
            html.append("<h2>Evidence</h2>\n<p>Reviewed by a coach; the evidence itself stays private to the learner ")
                    .append("and the coach.</p>\n<ul>\n");
            badge.evidence().forEach(name -> html.append("<li>").append(Html.escape(name)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Downloads</h2>\n<ul>\n");
        link(html, badge.links().png(), "Badge image (PNG, Open Badges 3.0)");
        link(html, badge.links().svg(), "Badge image (SVG, Open Badges 3.0)");
        link(html, badge.links().credential(), "Signed credential (VC-JWT)");
        link(html, badge.links().ob2Png(), "Badge image for Open Badges 2.0 (PNG)");
        link(html, badge.links().assertion(), "Open Badges 2.0 assertion");
        html.append("</ul>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void checks(StringBuilder html, Verification verification, PublicBadge.Links links) {
        html.append("<section aria-labelledby=\"checks\" class=\"").append(verification.valid() ? "valid" : "invalid")
                .append("\">\n<h2 id=\"checks\">")
                .append(verification.valid() ? "Verified: this badge is valid" : "This badge does not verify")
                .append("</h2>\n<ul class=\"checks\">\n");
        for (Verification.Check check : verification.checks()) {
            html.append("<li><span aria-hidden=\"true\">").append(check.passed() ? "&#10003;" : "&#10007;")
                    .append("</span> <strong>")
                    .append(Html.escape(capitalised(check.check()))).append(check.passed() ? " passed" : " failed")
                    .append(":</strong> ").append(Html.escape(check.detail())).append("</li>\n");
        }
        html.append("</ul>\n<p>Checked ").append(Html.escape(date(verification.checkedAt())))
                .append(". <a href=\"").append(Html.escape(links.verify())).append("\">Verify again (JSON)</a></p>\n")
                .append("</section>\n");
    }

    /**
     * Plain text as escaped HTML: blank-line separated paragraphs, and a paragraph whose lines all
     * start with "- " as a list (the issuer writes criteria that way).
     */
    static String blocks(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            String[] lines = block.strip().split("\\n");
            boolean list = java.util.Arrays.stream(lines).allMatch(line -> line.strip().startsWith("- "));
            if (list) {
                out.append("<ul>\n");
                for (String line : lines) {
                    out.append("<li>").append(Html.escape(line.strip().substring(2).strip())).append("</li>\n");
                }
                out.append("</ul>\n");
            } else {
                out.append(Html.paragraphs(block));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static void link(StringBuilder html, String href, String text) {
        html.append("<li><a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(text))
                .append("</a></li>\n");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** ISO timestamps shown as their date and UTC time to the minute, which a person reads at a glance. */
    private static String date(String iso) {
        if (iso == null) {
            return "";
        }
        return iso.length() >= 16 && iso.charAt(10) == 'T' ? iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC"
                : iso;
    }
}
