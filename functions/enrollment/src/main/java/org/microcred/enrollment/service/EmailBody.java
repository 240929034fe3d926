package org.microcred.enrollment.service;

import java.util.List;
import org.microcred.shared.web.Html;

/**
 * Builds one email's HTML and plain-text bodies side by side, so both always say the same.
 * Every value goes through {@link Html#escape} on the HTML side; callers pass raw text.
 */
final class EmailBody {
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder text = new StringBuilder();

    EmailBody(String heading) {
        html.append("<!doctype html>\n<html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;"
                        + "line-height:1.5;color:#1f2933;max-width:600px\">\n")
                .append("<h1 style=\"font-size:20px\">").append(Html.escape(heading)).append("</h1>\n");
    }

    EmailBody paragraph(String sentence) {
        html.append("<p>").append(Html.escape(sentence)).append("</p>\n");
        text.append(sentence).append("\n\n");
        return this;
    }

    /** A labelled line such as "Your coach: Priya Raman (priya@...)", the address as a mailto link. */
    EmailBody contact(String label, String name, String email) {
        html.append("<p><strong>").append(Html.escape(label)).append(":</strong> ").append(Html.escape(name));
        text.append(label).append(": ").append(name);
        if (email != null && !email.isBlank()) {
            html.append(" &lt;<a href=\"mailto:").append(Html.escape(email)).append("\">")
                    .append(Html.escape(email)).append("</a>&gt;");
            text.append(" <").append(email).append(">");
        }
        html.append("</p>\n");
        text.append("\n\n");
        return this;
    }

    EmailBody list(String heading, List<String> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        html.append("<p>").append(Html.escape(heading)).append("</p>\n<ul>\n");
        text.append(heading).append("\n");
        for (String entry : entries) {
            html.append("  <li>").append(Html.escape(entry)).append("</li>\n");
            text.append("  - ").append(entry).append("\n");
        }
        html.append("</ul>\n");
        text.append("\n");
        return this;
    }

    EmailBody button(String label, String url) {
        html.append("<p><a href=\"").append(Html.escape(url)).append("\" style=\"display:inline-block;padding:10px 18px;"
                        + "background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px\">")
                .append(Html.escape(label)).append("</a></p>\n");
        text.append(label).append(": ").append(url).append("\n\n");
        return this;
    }

    EmailBody signature(String organizationName) {
        html.append("<p style=\"color:#52606d\">").append(Html.escape(organizationName))
                .append(" professional learning</p>\n</body></html>\n");
        text.append("-- \n").append(organizationName).append(" professional learning\n");
        return this;
    }

    String html() {
        return html.toString();
    }

    String text() {
        return text.toString();
    }
}
