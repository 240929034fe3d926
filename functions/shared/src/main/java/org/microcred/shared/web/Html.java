package org.microcred.shared.web;

/** HTML escaping for server-rendered pages: every value from a person goes through here. */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. Null renders as nothing. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain text with blank-line paragraphs as escaped {@code <p>} elements. */
    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            out.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
        }
        return out.toString();
    }
}
