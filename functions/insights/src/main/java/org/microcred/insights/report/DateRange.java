package org.microcred.insights.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A report's period: whole UTC days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
    /** Two years and a leap day: the longest period a report covers. */
    public static final int MAX_DAYS = 731;

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The whole calendar months inside the range (null when there are none). */
    public YearMonth firstWholeMonth() {
        YearMonth month = YearMonth.from(from);
        return from.getDayOfMonth() == 1 ? month : month.plusMonths(1);
    }

    public YearMonth lastWholeMonth() {
        YearMonth month = YearMonth.from(to);
        return to.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    public boolean hasWholeMonths() {
        return !firstWholeMonth().isAfter(lastWholeMonth());
    }
}
