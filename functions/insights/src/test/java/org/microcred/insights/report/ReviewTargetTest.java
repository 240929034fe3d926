package org.microcred.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTargetTest {

    @Test
    void overdueBefore_onAWeekday_countsBackWeekdaysOnly() {
        // Monday 10:00, one business day: Friday 10:00 (the weekend does not count).
        assertThat(ReviewTarget.overdueBefore(Instant.parse("2026-11-23T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        // Thursday 12:00, two business days: Tuesday 12:00.
        assertThat(ReviewTarget.overdueBefore(Instant.parse("2026-11-19T12:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-11-17T12:00:00Z"));
        // Monday 12:00, five business days: the Monday before.
        assertThat(ReviewTarget.overdueBefore(Instant.parse("2026-11-23T12:00:00Z"), 5))
                .isEqualTo(Instant.parse("2026-11-16T12:00:00Z"));
    }

    @Test
    void overdueBefore_onAWeekend_startsFromTheEndOfFriday() {
        // Saturday and Sunday afternoon both count as Friday midnight: one day back is Friday 00:00.
        assertThat(ReviewTarget.overdueBefore(Instant.parse("2026-11-21T15:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(ReviewTarget.overdueBefore(Instant.parse("2026-11-22T15:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void stored_hasExactlyThreeFractionDigits() {
        assertThat(ReviewTarget.stored(Instant.parse("2026-11-19T12:00:00Z"))).isEqualTo("2026-11-19T12:00:00.000Z");
    }
}
