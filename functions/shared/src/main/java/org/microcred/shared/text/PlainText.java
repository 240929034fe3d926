package org.microcred.shared.text;

/**
 * What text people type into the API may hold. A one-line field (a title, a name, anything
 * that can end up in an email subject, a header, a CSV cell or a log line) holds no control
 * character and no line or paragraph separator, so nobody can smuggle a second line into an
 * email's headers. A multi-line field may break lines and hold tabs, nothing else invisible.
 * Neither may hold half of a surrogate pair, which no encoding can store.
 */
public final class PlainText {
    /** The message a {@code FieldError} carries for a one-line field that is not. */
    public static final String NOT_ONE_LINE = "must be one line, without line breaks or control characters";
    /** The message a {@code FieldError} carries for a multi-line field with other control characters. */
    public static final String NOT_PLAIN = "must not contain control characters other than line breaks and tabs";

    private PlainText() {
    }

    /** True for null (absence is someone else's rule) and for text of printable characters only. */
    public static boolean isOneLine(String text) {
        return text == null || text.codePoints().allMatch(c -> !isControl(c) && !isUnpaired(c));
    }

    /** True for null and for text whose only invisible characters are line breaks and tabs. */
    public static boolean isMultiLine(String text) {
        return text == null || text.codePoints()
                .allMatch(c -> c == '\n' || c == '\r' || c == '\t' || !isControl(c) && !isUnpaired(c));
    }

    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** {@link String#codePoints()} yields a lone surrogate as itself. */
    private static boolean isUnpaired(int c) {
        return Character.getType(c) == Character.SURROGATE;
    }
}
