package org.microcred.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microcred.enrollment.model.Offering;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachCandidates;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachSeat;

/** Which coach new enrolments get. */
class CoachMatchingTest {
    private static final String MC = "exit-tickets-k3x9qa";
    private static final Offering EXIT_TICKETS = new Offering(MC, 1, "Exit tickets", "formative-assessment",
            "org-riverbend", false, List.of());
    private static final Set<String> LEARNER = Set.of("u-learner");

    @Test
    void choose_prefersTheQualifiedCoachWithFewestOpenEnrolments() {
        List<Coach> coaches = List.of(
                coach("u-busy", List.of(), List.of("formative-assessment"), 9),
                coach("u-idle-but-unqualified", List.of(), List.of("school-leadership"), 0),
                coach("u-by-id", List.of(MC), List.of(), 2),
                coach("u-by-collection", List.of(), List.of("formative-assessment"), 3));

        assertThat(chosen(noPool(coaches), LEARNER)).contains("u-by-id");
    }

    @Test
    void choose_onATie_takesTheLowestUserId() {
        List<Coach> coaches = List.of(
                coach("u-zoe", List.of(), List.of("formative-assessment"), 1),
                coach("u-amy", List.of(), List.of("formative-assessment"), 1));

        assertThat(chosen(noPool(coaches), LEARNER)).contains("u-amy");
    }

    @Test
    void choose_withNobodyQualified_isEmpty() {
        assertThat(chosen(noPool(List.of(coach("u-x", List.of("other"), List.of("other-collection"), 0))), LEARNER))
                .isEmpty();
    }

    @Test
    void choose_skipsAnAssessorStillCalibratingForThisMicroCredential() {
        List<Coach> coaches = List.of(
                calibrating(coach("u-calibrating", List.of(MC, "other-mc"), List.of(), 0), MC),
                coach("u-live", List.of(MC), List.of(), 4));

        assertThat(chosen(noPool(coaches), LEARNER)).contains("u-live");
    }

    @Test
    void choose_takesACoachCalibratingForAnotherMicroCredential() {
        List<Coach> coaches = List.of(
                calibrating(coach("u-calibrating-elsewhere", List.of(MC, "other-mc"), List.of(), 0), "other-mc"),
                coach("u-live", List.of(MC), List.of(), 4));

        assertThat(chosen(noPool(coaches), LEARNER)).contains("u-calibrating-elsewhere");
    }

    @Test
    void choose_withoutAPool_skipsAnInactiveQualifiedCoach() {
        List<Coach> coaches = List.of(
                inactive(coach("u-deactivated", List.of(MC), List.of(), 0)),
                coach("u-active", List.of(MC), List.of(), 6));

        assertThat(chosen(noPool(coaches), LEARNER)).contains("u-active");
    }

    @Test
    void choose_withAPool_takesOnlyItsCoaches_whateverTheirQualifications() {
        Coach outside = coach("u-outside", List.of(MC), List.of("formative-assessment"), 0);
        Coach pooled = coach("u-pooled", List.of(), List.of(), 5);
        CoachCandidates candidates = pool(List.of(outside, pooled), new CoachSeat("u-pooled", null));

        assertThat(chosen(candidates, LEARNER)).contains("u-pooled");
    }

    @Test
    void choose_whenPoolCoachAtCapacity_choosesNextLeastLoaded() {
        Coach full = open(coach("u-full", List.of(), List.of(), 1), 3);
        Coach next = open(coach("u-next", List.of(), List.of(), 7), 2);
        CoachCandidates candidates = pool(List.of(full, next), new CoachSeat("u-full", 3), new CoachSeat("u-next", 10));

        assertThat(chosen(candidates, LEARNER)).contains("u-next");
    }

    @Test
    void choose_whenEveryPoolCoachIsAtCapacity_isEmpty() {
        Coach full = open(coach("u-full", List.of(), List.of(), 1), 1);

        assertThat(chosen(pool(List.of(full), new CoachSeat("u-full", 1)), LEARNER)).isEmpty();
    }

    @Test
    void choose_withAPool_needsRoomForTheWholePlc() {
        Coach twoLeft = open(coach("u-two-left", List.of(), List.of(), 0), 1);
        Coach roomy = coach("u-roomy", List.of(), List.of(), 8);
        CoachCandidates candidates = pool(List.of(twoLeft, roomy), new CoachSeat("u-two-left", 3),
                new CoachSeat("u-roomy", null));

        assertThat(chosen(candidates, Set.of("u-learner"))).contains("u-two-left");
        assertThat(chosen(candidates, Set.of("u-a", "u-b", "u-c"))).contains("u-roomy");
    }

    @Test
    void choose_withAPool_skipsAnInactiveOrCalibratingCoach() {
        Coach deactivated = inactive(coach("u-deactivated", List.of(), List.of(), 0));
        Coach calibrating = calibrating(coach("u-calibrating", List.of(), List.of(), 0), MC);
        Coach live = coach("u-live", List.of(), List.of(), 12);
        CoachCandidates candidates = pool(List.of(deactivated, calibrating, live), new CoachSeat("u-deactivated", null),
                new CoachSeat("u-calibrating", null), new CoachSeat("u-live", null));

        assertThat(chosen(candidates, LEARNER)).contains("u-live");
    }

    @Test
    void choose_neverTheLearnerThemself_norAColleagueOfTheirPlc() {
        Coach learner = coach("u-learner", List.of(MC), List.of(), 0);
        Coach colleague = coach("u-colleague", List.of(MC), List.of(), 1);
        Coach other = coach("u-other", List.of(MC), List.of(), 9);

        assertThat(chosen(noPool(List.of(learner, colleague, other)), Set.of("u-learner"))).contains("u-colleague");
        assertThat(chosen(noPool(List.of(learner, colleague, other)), Set.of("u-learner", "u-colleague")))
                .contains("u-other");
        assertThat(chosen(pool(List.of(learner), new CoachSeat("u-learner", null)), Set.of("u-learner"))).isEmpty();
    }

    private static Optional<String> chosen(CoachCandidates candidates, Set<String> learners) {
        return CoachMatching.choose(candidates, EXIT_TICKETS, learners).map(Coach::userId);
    }

    private static CoachCandidates noPool(List<Coach> coaches) {
        return new CoachCandidates(Optional.empty(), coaches);
    }

    private static CoachCandidates pool(List<Coach> coaches, CoachSeat... seats) {
        return new CoachCandidates(Optional.of(new CoachPool("org-riverbend", MC, List.of(seats), 1, null)), coaches);
    }

    private static Coach coach(String id, List<String> microCredentialIds, List<String> collections, long open) {
        return new Coach("org-riverbend", id, id, id + "@example.org", open, Map.of(), microCredentialIds, collections,
                true);
    }

    private static Coach open(Coach coach, long openHere) {
        return new Coach(coach.organizationId(), coach.userId(), coach.name(), coach.email(), coach.openEnrollments(),
                Map.of(MC, openHere), coach.microCredentialIds(), coach.collections(), coach.active(),
                coach.calibratingMicroCredentialIds());
    }

    private static Coach inactive(Coach coach) {
        return new Coach(coach.organizationId(), coach.userId(), coach.name(), coach.email(), coach.openEnrollments(),
                coach.openByMicroCredential(), coach.microCredentialIds(), coach.collections(), false,
                coach.calibratingMicroCredentialIds());
    }

    private static Coach calibrating(Coach coach, String microCredentialId) {
        return new Coach(coach.organizationId(), coach.userId(), coach.name(), coach.email(), coach.openEnrollments(),
                coach.openByMicroCredential(), coach.microCredentialIds(), coach.collections(), coach.active(),
                List.of(microCredentialId));
    }
}
