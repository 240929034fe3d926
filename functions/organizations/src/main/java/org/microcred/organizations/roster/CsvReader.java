package org.microcred.organizations.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records by CRLF, LF or a lone CR; a field in
 * double quotes may hold commas, line breaks and doubled quotes. Lenient where spreadsheets
 * are (a quote inside an unquoted field, text after a closing quote, no final line break), strict
 * only about a quoted field that never ends, which would swallow the rest of the file.
 */
final class CsvReader {
    private CsvReader() {
    }

    /**
     * Every record of {@code text}, in order; the n-th record is what a spreadsheet shows as row n.
     * A blank line is a record with one empty field.
     *
     * @throws RosterFileException when a quoted field is not closed
     */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int quoteOpenedOnRecord = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < length && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                quoteOpenedOnRecord = records.size() + 1;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new RosterFileException("body", "has a quoted field starting on row " + quoteOpenedOnRecord
                    + " that is never closed; check that row's double quotes");
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
