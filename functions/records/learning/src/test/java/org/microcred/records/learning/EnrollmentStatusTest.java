package org.microcred.records.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcred.records.learning.EnrollmentStatus.AWAITING_COACH;
import static org.microcred.records.learning.EnrollmentStatus.ENROLLED;
import static org.microcred.records.learning.EnrollmentStatus.IN_PROGRESS;
import static org.microcred.records.learning.EnrollmentStatus.MASTERED;
import static org.microcred.records.learning.EnrollmentStatus.NEEDS_REVISION;
import static org.microcred.records.learning.EnrollmentStatus.SUBMITTED;
import static org.microcred.records.learning.EnrollmentStatus.UNDER_REVIEW;
import static org.microcred.records.learning.EnrollmentStatus.WITHDRAWN;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.IllegalTransitionException;

/** The enrolment state machine: exactly the moves of the issue, nothing else. */
class EnrollmentStatusTest {

    @Test
    void allowedMoves_areExactlyTheLifeCycle() {
        assertThat(allowedFrom(ENROLLED)).containsExactlyInAnyOrder(AWAITING_COACH, IN_PROGRESS, WITHDRAWN);
        assertThat(allowedFrom(AWAITING_COACH)).containsExactlyInAnyOrder(IN_PROGRESS, WITHDRAWN);
        assertThat(allowedFrom(IN_PROGRESS)).containsExactlyInAnyOrder(SUBMITTED, WITHDRAWN);
        assertThat(allowedFrom(SUBMITTED)).containsExactlyInAnyOrder(UNDER_REVIEW, WITHDRAWN);
        assertThat(allowedFrom(UNDER_REVIEW)).containsExactlyInAnyOrder(NEEDS_REVISION, MASTERED, WITHDRAWN);
        assertThat(allowedFrom(NEEDS_REVISION)).containsExactlyInAnyOrder(SUBMITTED, WITHDRAWN);
        assertThat(allowedFrom(MASTERED)).isEmpty();
        assertThat(allowedFrom(WITHDRAWN)).isEmpty();
    }

    @Test
    void forbiddenMove_throwsNamingBothStatuses() {
        assertThatThrownBy(() -> AWAITING_COACH.requireMoveTo(SUBMITTED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("An enrolment cannot move from awaiting-coach to submitted");
        assertThatThrownBy(() -> MASTERED.requireMoveTo(WITHDRAWN)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> WITHDRAWN.requireMoveTo(IN_PROGRESS)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> IN_PROGRESS.requireMoveTo(MASTERED)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> IN_PROGRESS.requireMoveTo(IN_PROGRESS)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyMasteredAndWithdrawn_areClosed() {
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            assertThat(status.isOpen()).as(status.json()).isEqualTo(status != MASTERED && status != WITHDRAWN);
        }
    }

    @Test
    void jsonNames_roundTrip() {
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            assertThat(EnrollmentStatus.fromJson(status.json())).contains(status);
        }
        assertThat(EnrollmentStatus.fromJson("IN_PROGRESS")).isEmpty();
    }

    private static EnumSet<EnrollmentStatus> allowedFrom(EnrollmentStatus from) {
        EnumSet<EnrollmentStatus> allowed = EnumSet.noneOf(EnrollmentStatus.class);
        for (EnrollmentStatus to : EnrollmentStatus.values()) {
            if (from.canMoveTo(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }
}
