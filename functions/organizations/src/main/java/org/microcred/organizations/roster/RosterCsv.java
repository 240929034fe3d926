package org.microcred.organizations.roster;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcred.shared.domain.FieldError;

/**
 * Reads a roster file: strict UTF-8 (a byte-order mark allowed), RFC 4180 records, a header row
 * whose column names are matched ignoring case, and one {@link RosterRow} per non-blank line.
 */
final class RosterCsv {
    static final String EMAIL = "email";
    static final String GIVEN_NAME = "givenName";
    static final String FAMILY_NAME = "familyName";
    static final String ROLE = "role";
    static final String ROLES = "roles";
    static final String SOURCED_ID = "sourcedId";
    static final String ENABLED_USER = "enabledUser";

    private static final Map<String, String> KNOWN_COLUMNS = known(EMAIL, GIVEN_NAME, FAMILY_NAME, ROLE, ROLES,
            SOURCED_ID, ENABLED_USER);
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private RosterCsv() {
    }

    /** @throws RosterFileException when the bytes are not a roster (the problems name the field or column) */
    static RosterFile read(byte[] bytes) {
        String text = utf8(bytes);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        List<List<String>> records = CsvReader.records(text);
        if (records.isEmpty() || blank(records.get(0))) {
            throw new RosterFileException("body", "has no header row: row 1 must name the columns, e.g. "
                    + "email,givenName,familyName,roles (or a OneRoster users.csv)");
        }
        Map<String, Integer> columns = columns(records.get(0));
        RosterFormat format = columns.containsKey(ROLE) ? RosterFormat.ONE_ROSTER : RosterFormat.PLAIN;
        List<FieldError> missing = new ArrayList<>();
        for (String required : List.of(EMAIL, GIVEN_NAME, FAMILY_NAME)) {
            if (!columns.containsKey(required)) {
                missing.add(new FieldError(required, "is missing from the header row (row 1)"));
            }
        }
        if (!columns.containsKey(ROLE) && !columns.containsKey(ROLES)) {
            missing.add(new FieldError(ROLES, "is missing from the header row (row 1): add roles "
                    + "(learner;coach;org-admin), or role for a OneRoster users.csv"));
        }
        if (!missing.isEmpty()) {
            throw new RosterFileException(missing);
        }
        List<RosterRow> rows = new ArrayList<>();
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            if (blank(record)) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            columns.forEach((name, position) -> cells.put(name, position < record.size()
                    ? record.get(position).strip() : ""));
            rows.add(new RosterRow(index + 1, cells));
        }
        return new RosterFile(format, rows);
    }

    /**
     * Decodes strictly: a byte that is not UTF-8 is refused, not replaced, so a file saved as
     * Windows-1252 is never imported with mangled names. U+FFFD is refused too: it is what a
     * conversion along the way (a text body decoded leniently) leaves in place of such bytes.
     */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new RosterFileException("body", "is not UTF-8 text: the byte at offset " + offset + " (line "
                    + (lineBreaksBefore(bytes, offset) + 1) + ") is not valid UTF-8; save the file as "
                    + "\"CSV UTF-8\" and send it again");
        }
        out.flip();
        String text = out.toString();
        int replaced = text.indexOf(REPLACEMENT);
        if (replaced >= 0) {
            throw new RosterFileException("body", "is not UTF-8 text: line " + (lineBreaksBefore(text, replaced) + 1)
                    + " holds U+FFFD, the mark of characters lost in a conversion; save the file as \"CSV UTF-8\" "
                    + "and send it again");
        }
        return text;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> twice = new ArrayList<>();
        for (int position = 0; position < header.size(); position++) {
            String raw = header.get(position).strip();
            if (position == 0 && !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK) {
                raw = raw.substring(1).strip();
            }
            String name = KNOWN_COLUMNS.get(raw.toLowerCase(Locale.ROOT));
            if (name != null && columns.putIfAbsent(name, position) != null) {
                twice.add(new FieldError(name, "appears twice in the header row"));
            }
        }
        if (!twice.isEmpty()) {
            throw new RosterFileException(twice);
        }
        return columns;
    }

    private static boolean blank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static int lineBreaksBefore(byte[] bytes, int offset) {
        int lines = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int lineBreaksBefore(String text, int offset) {
        int lines = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static Map<String, String> known(String... names) {
        Map<String, String> byLowerCase = new HashMap<>();
        for (String name : names) {
            byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(byLowerCase);
    }
}
