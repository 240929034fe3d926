package org.microcred.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.enrollment.model.Coach;
import org.microcred.enrollment.model.Offering;

/** Which coach new enrolments get. */
class CoachMatchingTest {
    private static final Offering EXIT_TICKETS = new Offering("exit-tickets-k3x9qa", 1, "Exit tickets",
            "formative-assessment", "org-riverbend", false, List.of());

    @Test
    void choose_prefersTheQualifiedCoachWithFewestOpenEnrolments() {
        List<Coach> pool = List.of(
                coach("u-busy", List.of(), List.of("formative-assessment"), 9),
                coach("u-idle-but-unqualified", List.of(), List.of("school-leadership"), 0),
                coach("u-by-id", List.of("exit-tickets-k3x9qa"), List.of(), 2),
                coach("u-by-collection", List.of(), List.of("formative-assessment"), 3));

        assertThat(CoachMatching.choose(pool, EXIT_TICKETS)).map(Coach::userId).contains("u-by-id");
    }

    @Test
    void choose_onATie_takesTheLowestUserId() {
        List<Coach> pool = List.of(
                coach("u-zoe", List.of(), List.of("formative-assessment"), 1),
                coach("u-amy", List.of(), List.of("formative-assessment"), 1));

        assertThat(CoachMatching.choose(pool, EXIT_TICKETS)).map(Coach::userId).contains("u-amy");
    }

    @Test
    void choose_withNobodyQualified_isEmpty() {
        assertThat(CoachMatching.choose(List.of(coach("u-x", List.of("other"), List.of("other-collection"), 0)),
                EXIT_TICKETS)).isEmpty();
    }

    @Test
    void choose_skipsAnAssessorStillCalibratingForThisMicroCredential() {
        List<Coach> pool = List.of(
                new Coach("u-calibrating", "org-riverbend", "Cal", "cal@example.org",
                        List.of("exit-tickets-k3x9qa", "other-mc"), List.of(), 0, List.of("exit-tickets-k3x9qa")),
                coach("u-live", List.of("exit-tickets-k3x9qa"), List.of(), 4));

        assertThat(CoachMatching.choose(pool, EXIT_TICKETS)).map(Coach::userId).contains("u-live");
    }

    @Test
    void choose_takesACoachCalibratingForAnotherMicroCredential() {
        List<Coach> pool = List.of(
                new Coach("u-calibrating-elsewhere", "org-riverbend", "Cal", "cal@example.org",
                        List.of("exit-tickets-k3x9qa", "other-mc"), List.of(), 0, List.of("other-mc")),
                coach("u-live", List.of("exit-tickets-k3x9qa"), List.of(), 4));

        assertThat(CoachMatching.choose(pool, EXIT_TICKETS)).map(Coach::userId).contains("u-calibrating-elsewhere");
    }

    private static Coach coach(String id, List<String> microCredentialIds, List<String> collections, long open) {
        return new Coach(id, "org-riverbend", id, id + "@example.org", microCredentialIds, collections, open);
    }
}
