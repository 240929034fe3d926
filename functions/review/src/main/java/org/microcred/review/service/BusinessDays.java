package org.microcred.review.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Waiting time in business days: only time on Mondays to Fridays (UTC) counts, so a review
 * submitted on Friday afternoon has waited one business day on Monday afternoon. Holidays are
 * not known and count as working days.
 */
public final class BusinessDays {
    private static final Duration DAY = Duration.ofDays(1);

    private BusinessDays() {
    }

    /** The business time between two instants (zero if {@code to} is not after {@code from}). */
    public static Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        while (!day.isAfter(last)) {
            if (isBusinessDay(day)) {
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = start.plus(DAY);
                Instant overlapStart = from.isAfter(start) ? from : start;
                Instant overlapEnd = to.isBefore(end) ? to : end;
                if (overlapEnd.isAfter(overlapStart)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /** Whole business days waited, rounded down. */
    public static long wholeDays(Instant from, Instant to) {
        return between(from, to).toDays();
    }

    /** Waited longer than {@code target} business days: strictly more business time than the target. */
    public static boolean isOver(Instant from, Instant to, int target) {
        return between(from, to).compareTo(Duration.ofDays(target)) > 0;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
