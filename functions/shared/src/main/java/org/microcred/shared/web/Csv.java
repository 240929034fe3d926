package org.microcred.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV that is safe to open in a spreadsheet: CRLF line ends, fields with a comma,
 * quote or line break quoted (quotes doubled), and text that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) prefixed with an apostrophe. Numbers are
 * written as numbers (a whole Double without its ".0"). A UTF-8 byte-order mark first, so Excel
 * reads accented names correctly. Shared because every report download (insights, assessors)
 * must defuse formula injection the same way.
 */
public final class Csv {
    private static final String BOM = "\uFEFF";
    private static final byte[] BOM_UTF8 = BOM.getBytes(StandardCharsets.UTF_8);
    private static final int CHUNK = 32 * 1024;
    /** The rows without the mark: a builder holding only Latin-1 text keeps one byte a character. */
    private final StringBuilder out = new StringBuilder();

    public Csv(List<String> header) {
        row(header.toArray());
    }

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, cells[i]);
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        StringBuilder cell = new StringBuilder();
        append(cell, value);
        return cell.toString();
    }

    /** One cell, written straight into the document: a year of credits has half a million of them. */
    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append(d.longValue());
            } else {
                out.append(d.toString());
            }
            return;
        }
        if (value instanceof Number number) {
            out.append(number.toString());
            return;
        }
        String text = value.toString();
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        if (!needsQuotes(text)) {
            out.append(formula ? "'" : "").append(text);
            return;
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    @Override
    public String toString() {
        return BOM + out;
    }

    /**
     * Writes the document as UTF-8, the same bytes as {@code toString().getBytes(UTF_8)}, a piece
     * at a time: a large report never becomes one string of two bytes a character (the mark alone
     * would force that) nor one byte array.
     */
    public void writeUtf8(OutputStream target) throws IOException {
        target.write(BOM_UTF8);
        int length = out.length();
        for (int from = 0; from < length; ) {
            int to = Math.min(length, from + CHUNK);
            if (to < length && Character.isHighSurrogate(out.charAt(to - 1))) {
                to--;
            }
            target.write(out.substring(from, to).getBytes(StandardCharsets.UTF_8));
            from = to;
        }
    }
}
