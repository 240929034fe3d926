package org.microcred.assessors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.assessors.support.Call;
import org.microcred.assessors.support.Fixture;
import org.microcred.assessors.support.Who;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;

/**
 * Attacks on calibration with one's own work: an assessor who, as a coach, made a set item's
 * reference decision must not be shown or score it (they would be compared with themselves), and
 * an assessor whose own submission the admin put in the set must not go live on the fewer items
 * left to them. The set serves every assessor, so the admin may use anyone's submission; each
 * assessor's own work is left out of theirs.
 */
@ExtendWith(EmulatorsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalibrationConflictTest {
    static final String MC = Fixture.MICRO_CREDENTIAL;
    static final Who ADMIN = Who.admin("u-admin-cc", "Ada Admin");
    static final Who PRIYA = Who.coach("u-priya-cc", "Priya Senior");
    /** A coach (of other micro-credentials now) who decided Ivy's submission and holds the badge. */
    static final Who HAL = new Who("u-hal-cc", "u-hal-cc@riverbend.k12.example", "Hal Both", Fixture.ORGANIZATION,
            "learner coach");
    /** A badge holder whose own mastered submission is in the set. */
    static final Who JO = Who.learner("u-jo-cc", "Jo Own");
    static final Who IVY = Who.learner("u-ivy-cc", "Ivy Learner");
    static final Who KIM = Who.learner("u-kim-cc", "Kim Learner");
    static final Who LOU = Who.learner("u-lou-cc", "Lou Learner");

    private static Fixture fixture;
    private static AssessorHandler handler;
    /** A: Ivy's, decided by Hal; B: Jo's own, decided by Priya; C: Kim's, decided by Priya. */
    private static List<String> decided;
    private static final Map<String, String> SET = new TreeMap<>();

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.member(ADMIN, "org-admin");
        fixture.member(PRIYA, "coach");
        fixture.member(HAL, "learner", "coach");
        for (Who who : new Who[] {JO, IVY, KIM, LOU}) {
            fixture.member(who, "learner");
        }
        fixture.coach(PRIYA, 10, MC);
        fixture.coach(HAL, 1);
        decided = List.of(
                fixture.decided(IVY, HAL, "exemplary", "proficient", "mastery", "Ivy's tickets."),
                fixture.decided(JO, PRIYA, "proficient", "proficient", "mastery", "Jo's own tickets."),
                fixture.decided(KIM, PRIYA, "not-yet", "not-yet", "needs-revision", "Kim's tickets."));
        handler = fixture.handler();
        fixture.badge(HAL, "active");
        fixture.badge(JO, "active");
        fixture.invitedAndAccepted(handler, ADMIN, HAL, Map.of());
        fixture.invitedAndAccepted(handler, ADMIN, JO, Map.of());
        chooseSet(decided);
    }

    private static void chooseSet(List<String> submissionIds) {
        JsonNode set = body(expect(handler.dispatch(Call.calibrationSet(Fixture.ORGANIZATION, MC,
                Map.of("submissionIds", submissionIds)).as(ADMIN).event()), 200));
        set.get("items").forEach(item -> SET.put(item.get("label").asText(), item.get("itemId").asText()));
    }

    private static JsonNode mine(Who who) {
        return body(expect(handler.dispatch(Call.myCalibration().as(who).event()), 200)).get("items").get(0);
    }

    private static APIGatewayV2HTTPResponse score(Who who, String label, String alignment, String decision,
                                                  String outcome) {
        return handler.dispatch(Call.score(MC, Map.of("itemId", SET.get(label), "outcome", outcome, "scores", List.of(
                Map.of("criterionId", "alignment", "levelId", alignment),
                Map.of("criterionId", "decision", "levelId", decision)))).as(who).event());
    }

    @Test
    @Order(1)
    void anAssessorWhoDecidedASetItemAsItsCoach_isNeitherShownItNorMayScoreIt() {
        JsonNode hal = mine(HAL);

        assertThat(hal.get("items").findValuesAsText("label")).doesNotContain("Submission A")
                .contains("Submission B", "Submission C");
        assertThat(hal.toString()).doesNotContain("Ivy's tickets.");
        APIGatewayV2HTTPResponse scored = score(HAL, "Submission A", "exemplary", "proficient", "mastery");
        assertThat(scored.getStatusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anAssessorWithTheirOwnSubmissionInASetOfThree_doesNotGoLiveOnTheTwoLeft() {
        assertThat(mine(JO).get("items").findValuesAsText("label")).containsExactly("Submission A", "Submission C");
        expect(score(JO, "Submission A", "exemplary", "proficient", "mastery"), 201);

        JsonNode last = body(expect(score(JO, "Submission C", "not-yet", "not-yet", "needs-revision"), 201));

        assertThat(last.get("status").asText()).as("two agreeing scores are not a calibration").isEqualTo("calibrating");
        JsonNode jo = mine(JO);
        assertThat(jo.get("status").asText()).isEqualTo("calibrating");
        assertThat(jo.get("note").asText()).contains("not your own work", "at least 3");
    }

    @Test
    @Order(3)
    void onceTheAdminAddsAnotherSubmission_theAssessorScoresItAndGoesLive() {
        chooseSet(List.of(decided.get(0), decided.get(1), decided.get(2),
                fixture.decided(LOU, PRIYA, "proficient", "not-yet", "needs-revision", "Lou's tickets.")));

        JsonNode last = body(expect(score(JO, "Submission D", "proficient", "not-yet", "needs-revision"), 201));

        assertThat(last.get("status").asText()).isEqualTo("live");
        assertThat(last.get("total").asInt()).isEqualTo(3);
    }
}
