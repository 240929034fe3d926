package org.microcred.records.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LearningKeysTest {
    @Test
    void attemptKeys_arePaddedToFourDigits_soTheyOrderAsNumbers() {
        assertThat(LearningKeys.attemptSortKey(1)).isEqualTo("ATTEMPT#0001");
        assertThat(LearningKeys.artifactPrefix(12)).isEqualTo("ATTEMPT#0012#ARTIFACT#");
        assertThat(LearningKeys.decisionSortKey(3)).isEqualTo("ATTEMPT#0003#DECISION");
    }

    @Test
    void indexKeys_areSpelledAsTheIndexesExpect() {
        assertThat(LearningKeys.learnerKey("u-1")).isEqualTo("LEARNER#u-1");
        assertThat(LearningKeys.coachKey("u-2")).isEqualTo("COACH#u-2");
        assertThat(LearningKeys.orgStatusKey("org-riverbend", EnrollmentStatus.SUBMITTED))
                .isEqualTo("org-riverbend#submitted");
    }

    @Test
    void streamImages_areRecognisedByTheirKeys() {
        assertThat(LearningKeys.isEnrollment("ENR#enr-1", "ENROLLMENT")).isTrue();
        assertThat(LearningKeys.isEnrollment("ENR#enr-1", "ATTEMPT#0001")).isFalse();
        assertThat(LearningKeys.isEnrollment("LEARNER#u-1", "ENROLLMENT")).isFalse();
        assertThat(LearningKeys.enrollmentIdOf("ENR#enr-1")).contains("enr-1");
        assertThat(LearningKeys.enrollmentIdOf("ENR#")).isEmpty();

        assertThat(LearningKeys.attemptOfDecision("ATTEMPT#0002#DECISION")).isEqualTo(OptionalInt.of(2));
        assertThat(LearningKeys.attemptOfDecision("ATTEMPT#0002")).isEmpty();
        assertThat(LearningKeys.attemptOfDecision(null)).isEmpty();
        assertThat(LearningKeys.isDecision("ENR#enr-1", "ATTEMPT#0002#DECISION")).isTrue();
        assertThat(LearningKeys.isDecision("OUTBOX#m", "ATTEMPT#0002#DECISION")).isFalse();

        assertThat(LearningKeys.isOutboxEmail("OUTBOX#enr-1#welcome", "EMAIL")).isTrue();
        assertThat(LearningKeys.isOutboxEmail("OUTBOX#enr-1#welcome", "STATUS")).isFalse();
        assertThat(LearningKeys.isOutboxEmail("OUTBOX#", "EMAIL")).isFalse();
        assertThat(LearningKeys.messageIdOf("OUTBOX#enr-1#welcome")).contains("enr-1#welcome");
    }
}
