package org.microcred.shared.web;

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
    private final StringBuilder out = new StringBuilder(BOM);

    public Csv(List<String> header) {
        row(header.toArray());
    }

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
