package org.microcred.review.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {
    // 2026-03-02 is a Monday.
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void sameDay_countsTheHoursOnly() {
        assertThat(BusinessDays.between(MONDAY_9, Instant.parse("2026-03-02T17:00:00Z"))).isEqualTo(Duration.ofHours(8));
        assertThat(BusinessDays.wholeDays(MONDAY_9, Instant.parse("2026-03-03T08:59:59Z"))).isZero();
        assertThat(BusinessDays.wholeDays(MONDAY_9, Instant.parse("2026-03-03T09:00:00Z"))).isEqualTo(1);
    }

    @Test
    void weekend_doesNotCount() {
        Instant friday = Instant.parse("2026-03-06T12:00:00Z");
        assertThat(BusinessDays.between(friday, Instant.parse("2026-03-09T12:00:00Z"))).isEqualTo(Duration.ofDays(1));
        Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
        assertThat(BusinessDays.between(saturday, Instant.parse("2026-03-08T23:00:00Z"))).isZero();
        assertThat(BusinessDays.between(saturday, Instant.parse("2026-03-09T06:00:00Z"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void overTarget_meansStrictlyLongerThanTheTarget() {
        Instant fiveDaysLater = Instant.parse("2026-03-09T09:00:00Z");
        assertThat(BusinessDays.wholeDays(MONDAY_9, fiveDaysLater)).isEqualTo(5);
        assertThat(BusinessDays.isOver(MONDAY_9, fiveDaysLater, 5)).isFalse();
        assertThat(BusinessDays.isOver(MONDAY_9, fiveDaysLater.plusSeconds(1), 5)).isTrue();
        assertThat(BusinessDays.isOver(MONDAY_9, fiveDaysLater, 4)).isTrue();
    }

    @Test
    void longWaits_countFiveDaysAWeek_andTheFutureCountsNothing() {
        assertThat(BusinessDays.wholeDays(MONDAY_9, MONDAY_9.plus(Duration.ofDays(28)))).isEqualTo(20);
        assertThat(BusinessDays.between(MONDAY_9, MONDAY_9.minusSeconds(60))).isZero();
    }
}
