package org.microcred.insights.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When a review becomes overdue: after the organisation's target number of business days
 * (Monday to Friday, UTC; public holidays are not known to the platform). Weekend time does
 * not count, so a submission made on Friday at 10:00 with a one-day target is overdue from
 * Monday at 10:00.
 */
public final class ReviewTarget {
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ReviewTarget() {
    }

    /** Submissions made before the returned instant have waited longer than the target at {@code now}. */
    public static Instant overdueBefore(Instant now, int businessDays) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        if (t.getDayOfWeek() == DayOfWeek.SATURDAY) {
            t = t.toLocalDate().atStartOfDay(ZoneOffset.UTC);
        } else if (t.getDayOfWeek() == DayOfWeek.SUNDAY) {
            t = t.toLocalDate().minusDays(1).atStartOfDay(ZoneOffset.UTC);
        }
        for (int i = 0; i < businessDays; i++) {
            t = t.minusDays(1);
            while (isWeekend(t)) {
                t = t.minusDays(1);
            }
        }
        return t.toInstant();
    }

    /** The same instant as the learning table stores timestamps, so string order is time order. */
    public static String stored(Instant instant) {
        return STORED.format(instant);
    }

    private static boolean isWeekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
