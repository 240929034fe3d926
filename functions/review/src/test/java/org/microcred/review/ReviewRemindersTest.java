package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.expect;
import static org.microcred.review.support.Fixture.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.records.learning.OutboxItems;
import org.microcred.review.support.Call;
import org.microcred.review.support.Fixture;
import org.microcred.review.support.Who;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled reminders and the admin's list of waiting reviews, at a fixed "now": Tuesday
 * 2026-03-10 10:00 UTC. Submission times are set on the enrolments the real flow submitted.
 */
@ExtendWith(EmulatorsExtension.class)
class ReviewRemindersTest {
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ORG = "org-remind";
    static final Who PAULA = new Who("u-rm-paula", "paula@remind.example", "Paula Ortiz", ORG, "coach");
    static final Who OTTO = new Who("u-rm-otto", "otto@remind.example", "Otto Brandt", ORG, "coach");
    static final Who ADA = new Who("u-rm-ada", "ada@remind.example", "Ada Admin", ORG, "org-admin");
    static final Who LENA = new Who("u-rm-lena", "lena@remind.example", "Lena <b>Fox</b>", ORG, "learner");
    static final Who MILO = new Who("u-rm-milo", "milo@remind.example", "Milo Grant", ORG, "learner");
    static final Who NORA = new Who("u-rm-nora", "nora@remind.example", "Nora Hale", ORG, "learner");
    static final Who PIP = new Who("u-rm-pip", "pip@remind.example", "Pip Irwin", ORG, "learner");

    private static Fixture fixture;
    private static ReviewHandler reviews;
    private static String lenaSubmission;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.profile(ORG, "Remind District", 5);
        fixture.member(ORG, ADA, "org-admin");
        fixture.qualifiedCoach(PAULA, ORG, 3);
        fixture.qualifiedCoach(OTTO, ORG, 1);
        reviews = new ReviewHandler(fixture.environment, CLOCK);
        lenaSubmission = waiting(LENA, PAULA, ORG, "2026-03-02T09:00:00.000Z");   // Monday: 6 business days
        waiting(MILO, PAULA, ORG, "2026-03-09T09:00:00.000Z");                    // yesterday: 1
        waiting(PIP, OTTO, ORG, "2026-03-05T09:00:00.000Z");                      // Thursday: 3
        String decided = waiting(NORA, PAULA, ORG, "2026-02-02T09:00:00.000Z");   // old, but decided
        expect(reviews.dispatch(Call.decide(decided, Map.of("outcome", "mastery", "scores", List.of(
                score("alignment", "exemplary", null), score("decision", "proficient", null)))).as(PAULA).event()), 200);
    }

    /** Submits the attempt, then backdates the submission; returns the submission id. */
    private static String waiting(Who learner, Who coach, String organizationId, String submittedAt) {
        String enrollment = fixture.enrollment(learner, coach, organizationId, organizationId + " schools");
        String submission = fixture.submit(enrollment, learner, "Reflection of " + learner.name(), null);
        fixture.submittedAt(enrollment, submittedAt);
        return submission;
    }

    private static Map<String, Object> run() {
        return new ReviewReminderHandler(fixture.reminderEnvironment(), CLOCK).handleRequest(
                new com.amazonaws.services.lambda.runtime.events.ScheduledEvent(), null);
    }

    @Test
    void run_emailsACoachOnce_listingOnlyTheirReviewsOverTarget_withWorkingLinks() {
        Map<String, Object> first = run();

        Map<String, AttributeValue> email = fixture.outbox("reminder-" + PAULA.userId() + "-2026-03-10");
        assertThat(email).as("Paula's reminder").isNotNull();
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly(PAULA.email());
        String text = OutboxItems.email(email).text();
        assertThat(text).contains("Lena <b>Fox</b>, \"Checking for Understanding with Exit Tickets\" (attempt 1): "
                + "waiting 6 business days, target 5 business days, submitted 2026-03-02");
        assertThat(text).doesNotContain("Milo").doesNotContain("Nora").doesNotContain("Pip");
        assertThat(OutboxItems.email(email).html()).contains("Lena &lt;b&gt;Fox&lt;/b&gt;").doesNotContain("<b>Fox");
        assertThat(fixture.outbox("reminder-" + OTTO.userId() + "-2026-03-10")).as("Otto's review is within target")
                .isNullOrEmpty();
        Matcher link = Pattern.compile("/review/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        var page = expect(reviews.dispatch(Call.page(link.group(1)).event()), 200);
        assertThat(page.getBody()).contains("Reflection of Lena &lt;b&gt;Fox&lt;/b&gt;");
        assertThat(fixture.links.verify(link.group(1), NOW).orElseThrow().submissionId()).isEqualTo(lenaSubmission);
        assertThat((Integer) first.get("overdueReviews")).isGreaterThanOrEqualTo(1);

        Map<String, Object> second = run();

        assertThat(second.get("remindersQueued")).as("a second run the same day").isEqualTo(0);
        assertThat((Integer) second.get("remindersAlreadySent")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.outbox("reminder-" + PAULA.userId() + "-2026-03-10").get("createdAt"))
                .isEqualTo(email.get("createdAt"));
        assertThat(second.get("summariesQueued")).isEqualTo(0);
    }

    @Test
    void run_tellsTheOrganisationsAdminsWhichReviewsAreOverdue() {
        run();

        Map<String, AttributeValue> summary = fixture.outbox("overdue-" + ORG + "-2026-03-10");
        assertThat(summary).isNotNull();
        assertThat(summary.get("to").l()).extracting(AttributeValue::s).containsExactly(ADA.email());
        assertThat(summary.get("subject").s()).isEqualTo("1 review is over the feedback target");
        assertThat(OutboxItems.email(summary).text()).contains("Lena <b>Fox</b>").contains("coach Paula Ortiz")
                .doesNotContain("Milo");
    }

    @Test
    void overdueList_forTheAdmin_isOldestFirst_withBusinessDaysAgainstTheTarget() {
        JsonNode report = body(expect(reviews.dispatch(Call.overdue(ORG).as(ADA).event()), 200));

        assertThat(report.path("targetBusinessDays").asInt()).isEqualTo(5);
        assertThat(report.path("waitingCount").asInt()).isEqualTo(3);
        assertThat(report.path("overTargetCount").asInt()).isEqualTo(1);
        JsonNode items = report.path("items");
        assertThat(items).extracting(item -> item.path("learnerName").asText() + " " + item.path("businessDaysWaited")
                .asInt() + " " + item.path("overTarget").asBoolean())
                .containsExactly("Lena <b>Fox</b> 6 true", "Pip Irwin 3 false", "Milo Grant 1 false");
        JsonNode oldest = items.get(0);
        assertThat(oldest.path("submissionId").asText()).isEqualTo(lenaSubmission);
        assertThat(oldest.path("coachName").asText()).isEqualTo("Paula Ortiz");
        assertThat(oldest.path("microCredentialTitle").asText()).isEqualTo("Checking for Understanding with Exit Tickets");
        assertThat(oldest.path("submittedAt").asText()).isEqualTo("2026-03-02T09:00:00.000Z");
        assertThat(oldest.path("targetBusinessDays").asInt()).isEqualTo(5);
    }

    @Test
    void target_comesFromTheProfile_andIsFiveWithoutOne() {
        Who strictAdmin = new Who("u-rm-strict-admin", "admin@strict.example", "Strict Admin", "org-strict", "org-admin");
        Who plainAdmin = new Who("u-rm-plain-admin", "admin@plain.example", "Plain Admin", "org-plain", "org-admin");
        Who coach = new Who("u-rm-quinn", "quinn@strict.example", "Quinn Coach", "org-strict", "coach");
        fixture.profile("org-strict", "Strict Schools", 2);
        fixture.profile("org-plain", "Plain Schools", null);
        waiting(new Who("u-rm-sam", "sam@strict.example", "Sam Strict", "org-strict", "learner"), coach, "org-strict",
                "2026-03-05T09:00:00.000Z");
        waiting(new Who("u-rm-pat", "pat@plain.example", "Pat Plain", "org-plain", "learner"), coach, "org-plain",
                "2026-03-05T09:00:00.000Z");

        JsonNode strict = body(expect(reviews.dispatch(Call.overdue("org-strict").as(strictAdmin).event()), 200));
        JsonNode plain = body(expect(reviews.dispatch(Call.overdue("org-plain").as(plainAdmin).event()), 200));

        assertThat(strict.path("targetBusinessDays").asInt()).isEqualTo(2);
        assertThat(strict.path("items").get(0).path("businessDaysWaited").asInt()).isEqualTo(3);
        assertThat(strict.path("items").get(0).path("overTarget").asBoolean()).isTrue();
        assertThat(plain.path("targetBusinessDays").asInt()).isEqualTo(5);
        assertThat(plain.path("items").get(0).path("overTarget").asBoolean()).isFalse();
    }

    @Test
    void overdueList_isOnlyForTheOrganisationsAdmins() {
        Who otherAdmin = new Who("u-rm-other-admin", "admin@other.example", "Other Admin", "org-other", "org-admin");

        assertThat(body(expect(reviews.dispatch(Call.overdue(ORG).as(otherAdmin).event()), 403)).path("detail").asText())
                .isEqualTo("Only administrators of an organisation can list its waiting reviews; you are not an "
                        + "administrator of org-remind.");
        expect(reviews.dispatch(Call.overdue(ORG).as(LENA).event()), 403);
        expect(reviews.dispatch(Call.overdue(ORG).as(PAULA).event()), 403);
        expect(reviews.dispatch(Call.overdue(ORG).event()), 401);
    }
}
