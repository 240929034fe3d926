package org.microcred.insights.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A report's period: whole UTC days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
    /** Two years and a leap day: the longest period a report covers. */
    public static final int MAX_DAYS = 731;

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
