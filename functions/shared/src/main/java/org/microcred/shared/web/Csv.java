package org.microcred.shared.web;

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
     * The document as UTF-8 bytes, the same as {@code toString().getBytes(UTF_8)} without first
     * making a two-byte-a-character copy of a large report (the mark alone would force one).
     */
    public byte[] toUtf8() {
        byte[] rows = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] document = new byte[BOM_UTF8.length + rows.length];
        System.arraycopy(BOM_UTF8, 0, document, 0, BOM_UTF8.length);
        System.arraycopy(rows, 0, document, BOM_UTF8.length, rows.length);
        return document;
    }
}
