package org.microcred.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.microcred.insights.report.DateRange;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.http.ApiRequest;

/**
 * A report request's parameters, validated in one place: {@code from} and {@code to}
 * (YYYY-MM-DD, UTC days, both included; default the last 30 days up to today) and the format
 * ({@code format=json|csv}, else {@code Accept: text/csv} asks for CSV).
 */
record ReportRequest(String organizationId, DateRange range, boolean csv) {
    static final int DEFAULT_DAYS = 30;
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    static ReportRequest of(ApiRequest request, Clock clock) {
        String org = request.pathParameter("orgId");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = request.queryParameter("to").map(value -> date("to", value)).orElse(today);
        LocalDate from = request.queryParameter("from").map(value -> date("from", value))
                .orElse(to.minusDays(DEFAULT_DAYS - 1L));
        if (from.isAfter(to)) {
            throw new Invalid("from", "must be on or before to (" + to + "); got " + from + ".");
        }
        DateRange range = new DateRange(from, to);
        if (range.days() > DateRange.MAX_DAYS) {
            throw new Invalid("from", "is " + range.days() + " days before to; a report covers at most "
                    + DateRange.MAX_DAYS + " days (two years).");
        }
        return new ReportRequest(org, range, wantsCsv(request));
    }

    private static boolean wantsCsv(ApiRequest request) {
        var format = request.queryParameter("format").map(f -> f.trim().toLowerCase(Locale.ROOT));
        if (format.isPresent()) {
            return switch (format.get()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new Invalid("format", "must be json or csv.");
            };
        }
        return request.header("accept").orElse("").toLowerCase(Locale.ROOT).contains("text/csv");
    }

    /**
     * A calendar date with a four-digit year. {@code LocalDate.parse} alone also takes signed
     * years up to +999999999, at the edge of what LocalDate holds, where the period's arithmetic
     * (a day before, a day after) overflows.
     */
    private static LocalDate date(String field, String value) {
        String trimmed = value.trim();
        if (DATE.matcher(trimmed).matches()) {
            try {
                return LocalDate.parse(trimmed);
            } catch (DateTimeParseException e) {
                // 2026-02-30 and the like: refused below with the rest.
            }
        }
        throw new Invalid(field, "must be a date written YYYY-MM-DD, e.g. 2026-09-01; got '" + value + "'.");
    }

    /** A download name like {@code microcredentials_org-1_2026-09-01_2026-11-30.csv}. */
    String fileName(String report) {
        String safeOrg = organizationId.replaceAll("[^A-Za-z0-9._-]", "_");
        return report + "_" + safeOrg + "_" + range.from() + "_" + range.to() + ".csv";
    }
}
