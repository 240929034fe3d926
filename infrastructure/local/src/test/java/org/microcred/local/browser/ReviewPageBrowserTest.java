package org.microcred.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.fixtures.SesMailbox;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.shared.json.Json;

/**
 * A coach decides in a real browser. A demo learner enrols, uploads and submits over HTTP; the
 * coach's email lands in the SES emulator; headless Debian Chromium opens the link from that
 * email, picks a level for every rubric criterion by its label and types feedback. Awarding
 * mastery with one criterion below passing is refused on the page with the choices kept; with
 * that level corrected it is recorded. The test then checks what the coach saw, what the API
 * stored, the learner's email, and that the link opened again shows the decision, not a form.
 *
 * <p>Chromium is installed on first use by {@code infrastructure/local/browser/ensure-chromium.sh}
 * (apt-get, as root) and playwright-core by {@code npm ci}; where that is impossible the test
 * fails with instructions unless {@code MICROCRED_BROWSER_TESTS=skip}.
 */
@WithLocalStack(seeded = true)
class ReviewPageBrowserTest {
    // Jamal and the whiteboards micro-credential appear in no other test on the shared stack.
    private static final String JAMAL = "u-riverbend-learner-jamal";
    private static final String TITLE = "All-Student Response with Mini Whiteboards";
    private static final String OVERALL = "Every board went up on the count & you named the 3/4 vs 4/3 pattern "
            + "before reteaching — well done.";
    private static final String PACE = "Rounds took about 40 seconds, with no reminders after the first.";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void coach_scoresTheRubricInChromium_andTheDecisionIsStoredAndEmailed(RunningStack stack) throws Exception {
        ReviewPageScript browser = installBrowser();
        SesMailbox mailbox = SesMailbox.of(stack).orElseThrow(() -> BrowserTestSwitch.unavailable(
                "The SES emulator is not running (it needs Node.js 20.19+), so there is no email with a review link."));

        LearnerJourney jamal = new LearnerJourney(stack, JAMAL);
        JsonNode enrolled = jamal.enrol(whiteboards(stack));
        String enrollment = enrolled.path("id").asText();
        JsonNode coach = enrolled.path("coach");
        String learnerEmail = enrolled.path("learner").path("email").asText();
        // A Word file, not a PDF: the page embeds PDFs, and Chromium's PDF viewer would add
        // seconds to every page load while proving nothing about the decision.
        jamal.uploadAndConfirm(enrollment, "lesson-plan", "plan.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK word prompts");
        jamal.uploadAndConfirm(enrollment, "classroom-video", "rounds.mp4", "video/mp4", "mp4 three rounds");
        jamal.uploadAndConfirm(enrollment, "board-photos", "boards.png", "image/png", "PNG eight boards");
        String submission = jamal.submit(enrollment).path("id").asText();
        String reviewUrl = reviewLink(stack, mailbox.await(coach.path("email").asText(), "submitted evidence",
                MAIL_TIMEOUT));

        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("Routine efficiency", "Proficient");
        levels.put("Responding to what the boards show", "Exemplary");
        levels.put("Quality of prompts", "Proficient");
        JsonNode seen = browser.decide(new ReviewPageScript.Choices(reviewUrl, levels,
                Map.of("Quality of prompts", "Not yet"), Map.of("Routine efficiency", PACE), OVERALL, "Award mastery"));

        assertThat(seen.path("title").asText()).isEqualTo("Review: " + TITLE);
        assertThat(seen.path("radios").asInt()).as("one radio per rubric level").isEqualTo(4 + 4 + 3);
        JsonNode refused = seen.path("refused");
        assertThat(refused.path("status").asInt()).as("mastery with a criterion below passing").isEqualTo(422);
        assertThat(refused.path("alert").asText()).contains("The decision was not recorded",
                "Below the passing level: Quality of prompts.");
        assertThat(refused.path("kept").asBoolean()).as("levels and feedback kept on the refused form").isTrue();
        assertThat(refused.path("forms").asInt()).isEqualTo(1);
        JsonNode decided = seen.path("submitted");
        assertThat(decided.path("status").asInt()).isEqualTo(200);
        assertThat(decided.path("heading").asText()).isEqualTo("Decision recorded: mastery");
        assertThat(decided.path("text").asText()).contains(OVERALL, "Routine efficiency: Proficient. " + PACE,
                "Responding to what the boards show: Exemplary", "Quality of prompts: Proficient",
                "decided by " + coach.path("name").asText());
        assertThat(decided.path("forms").asInt()).isZero();
        JsonNode reopened = seen.path("reopened");
        assertThat(reopened.path("status").asInt()).as("the link opened after the decision").isEqualTo(200);
        assertThat(reopened.path("heading").asText()).isEqualTo("Decision recorded: mastery");
        assertThat(reopened.path("text").asText()).contains(OVERALL);
        assertThat(reopened.path("forms").asInt()).as("no form to decide twice").isZero();
        assertThat(reopened.path("radios").asInt()).isZero();

        JsonNode stored = json(get(stack, "/submissions/" + submission)).path("decision");
        assertThat(stored.path("outcome").asText()).isEqualTo("mastery");
        assertThat(stored.path("feedback").asText()).isEqualTo(OVERALL);
        assertThat(stored.path("coachId").asText()).isEqualTo(coach.path("id").asText());
        assertThat(stored.path("scores").toString()).contains(
                "{\"criterionId\":\"routine-efficiency\",\"levelId\":\"proficient\",\"feedback\":" + Json.write(PACE) + "}",
                "{\"criterionId\":\"responsive-teaching\",\"levelId\":\"exemplary\"",
                "{\"criterionId\":\"prompt-quality\",\"levelId\":\"proficient\"");
        assertThat(json(get(stack, "/enrollments/" + enrollment)).path("status").asText()).isEqualTo("mastered");

        JsonNode outcome = mailbox.await(learnerEmail, "Mastery: " + TITLE, MAIL_TIMEOUT);
        assertThat(outcome.path("body").path("text").asText())
                .contains("decided that attempt 1 shows mastery", OVERALL, "Routine efficiency: Proficient. " + PACE);
    }

    /** Chromium and playwright-core, installed on first use; skipped only when MICROCRED_BROWSER_TESTS=skip. */
    private static ReviewPageScript installBrowser() {
        BrowserTestSwitch.skipIfRequested();
        BrowserPackage browserPackage = BrowserPackage.locate();
        assertThat(ChromiumInstall.ensure(browserPackage.directory())).startsWith("Chromium");
        return new ReviewPageScript(browserPackage.ready());
    }

    /** The review URL in the coach's email, on this stack's own address. */
    private static String reviewLink(RunningStack stack, JsonNode email) {
        String base = stack.baseUri().toString().replaceAll("/$", "");
        Matcher link = Pattern.compile(Pattern.quote(base) + "/review/[A-Za-z0-9_.-]+")
                .matcher(email.path("body").path("text").asText());
        assertThat(link.find()).as("a review link in %s", email.path("body")).isTrue();
        return link.group();
    }

    private static String whiteboards(RunningStack stack) {
        JsonNode found = LearnerJourney.firstMicroCredential(stack, "mini whiteboards");
        assertThat(found.path("title").asText()).isEqualTo(TITLE);
        return found.path("id").asText();
    }

    private static HttpResponse<String> get(RunningStack stack, String path) {
        HttpResponse<String> response = send(stack, stack.request(path)
                .header("authorization", "Bearer " + stack.tokenFor(JAMAL)));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }
}
