package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.fixtures.SesMailbox;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.records.learning.OutboxItems;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The assessor pathway across functions, over HTTP: a demo educator earns the badge of a
 * micro-credential (enrolment, evidence, review, the stream-triggered issuer), her district's
 * admin invites her as an assessor (assessors), she accepts through the emailed link (notification
 * outbox), scores the calibration set exactly like the reference decisions, becomes live in the
 * admin's report, and the next learner's enrolment (enrolment function, reading the coach pool)
 * gets her as coach because the reference coach is at capacity.
 *
 * <p>Uses "Positive Narration", which no other local-stack test touches.
 */
@WithLocalStack(seeded = true)
class AssessorPathwayEndToEndTest {
    private static final String RIVERBEND = "org-riverbend";
    private static final String GRACE = "u-riverbend-org-admin-grace";
    private static final String PRIYA = "u-riverbend-coach-priya";
    /** Earns the badge and becomes the assessor. */
    private static final String DANIEL = "u-riverbend-learner-daniel";
    /** Their decided submissions are the calibration set. */
    private static final String JAMAL = "u-riverbend-learner-jamal";
    private static final String MEI = "u-riverbend-learner-mei";
    private static final String ROSA = "u-riverbend-learner-rosa";
    /** The new learner who enrols once Daniel is live. */
    private static final String MARIA = "u-riverbend-learner-maria";
    private static final List<String> CRITERIA = List.of("specificity", "ratio", "follow-up");
    private static final Pattern ACCEPT_LINK = Pattern.compile("/assessor-invitations/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
    private static final Pattern FORM_FIELD = Pattern.compile("name=\"(nonce|csrf)\" value=\"([^\"]*)\"");

    @Test
    void aBadgeHolderWhoPassesCalibration_becomesLive_andCoachesTheNextLearner(RunningStack stack) throws Exception {
        JsonNode found = LearnerJourney.firstMicroCredential(stack, "positive narration");
        assertThat(found.path("title").asText()).isEqualTo("Positive Narration to Build Momentum");
        String mc = found.path("id").asText();
        String pool = "/orgs/" + RIVERBEND + "/microcredentials/" + mc + "/coaches";

        // The reference coach is the pool's only coach, so every enrolment before the assessor's goes to her.
        expectStatus(call(stack, GRACE, "PUT", pool, Map.of("coaches", List.of(Map.of("userId", PRIYA, "capacity", 10)))),
                200);

        // Four decided submissions: Daniel's mastery (his badge), and the three references of the calibration set.
        String danielSubmission = decidedSubmission(stack, DANIEL, mc, "proficient", "mastery");
        Map<String, String> levelBySubmission = new HashMap<>();
        Map<String, String> outcomeBySubmission = new HashMap<>();
        for (String[] reference : new String[][] {
                {JAMAL, "proficient", "mastery"}, {MEI, "not-yet", "needs-revision"}, {ROSA, "exemplary", "mastery"}}) {
            String submission = decidedSubmission(stack, reference[0], mc, reference[1], reference[2]);
            levelBySubmission.put(submission, reference[1]);
            outcomeBySubmission.put(submission, reference[2]);
        }

        // Priya keeps Mei's enrolment (awaiting revision) open; her capacity now is exactly what she holds.
        long priyaOpenHere = seat(stack, pool, PRIYA).path("openForMicroCredential").asLong();
        assertThat(priyaOpenHere).as("Mei's enrolment awaits her revision").isGreaterThanOrEqualTo(1);
        expectStatus(call(stack, GRACE, "PUT", pool, Map.of("coaches",
                List.of(Map.of("userId", PRIYA, "capacity", priyaOpenHere)))), 200);
        assertThat(seat(stack, pool, PRIYA).path("acceptingLearners").asBoolean()).as("Priya at capacity").isFalse();

        // The badge is issued from the stream, so the invitation waits for it (422 badge-required until then).
        JsonNode invited = awaitInvitation(stack, mc, Duration.ofSeconds(30));
        assertThat(invited.path("status").asText()).isEqualTo("invited");
        assertThat(invited.path("userId").asText()).isEqualTo(DANIEL);

        // Accepting through the emailed page.
        String token = invitationToken(stack, mc, invited.path("email").asText());
        HttpResponse<String> page = send(stack, stack.request("/assessor-invitations/" + token));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> accepted = send(stack, stack.request("/assessor-invitations/" + token)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formFields(page.body()))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(seat(stack, pool, DANIEL).isMissingNode()).as("accepting seats the assessor in the pool").isFalse();
        assertThat(reportRow(stack, mc).path("status").asText()).isEqualTo("calibrating");

        // The admin chooses the calibration set: the three other decided submissions.
        HttpResponse<String> chosen = call(stack, GRACE, "PUT", "/orgs/" + RIVERBEND + "/calibration-sets/" + mc,
                Map.of("submissionIds", new ArrayList<>(levelBySubmission.keySet())));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        Map<String, String> submissionByItem = new HashMap<>();
        json(chosen).path("items").forEach(item ->
                submissionByItem.put(item.path("itemId").asText(), item.path("submissionId").asText()));
        assertThat(submissionByItem.values()).doesNotContain(danielSubmission).hasSize(3);

        // Daniel scores every item exactly like the reference decision.
        JsonNode calibration = myCalibration(stack, mc);
        assertThat(calibration.path("status").asText()).isEqualTo("calibrating");
        List<String> items = new ArrayList<>();
        calibration.path("items").forEach(item -> items.add(item.path("itemId").asText()));
        assertThat(items).containsExactlyInAnyOrderElementsOf(submissionByItem.keySet());
        JsonNode last = null;
        for (String item : items) {
            String submission = submissionByItem.get(item);
            String level = levelBySubmission.get(submission);
            List<Map<String, String>> scores = CRITERIA.stream()
                    .map(criterion -> Map.of("criterionId", criterion, "levelId", level)).toList();
            HttpResponse<String> scored = call(stack, DANIEL, "POST", "/assessor/calibration/" + mc + "/scores",
                    Map.of("itemId", item, "outcome", outcomeBySubmission.get(submission), "scores", scores));
            assertThat(scored.statusCode()).as(scored.body()).isEqualTo(201);
            last = json(scored);
        }
        assertThat(last.path("status").asText()).as(last.toString()).isEqualTo("live");
        assertThat(last.path("calibration").path("meetsMinimum").asBoolean()).isTrue();
        assertThat(last.path("calibration").path("kappa").asDouble()).isEqualTo(1.0);

        JsonNode row = reportRow(stack, mc);
        assertThat(row.path("status").asText()).as(row.toString()).isEqualTo("live");
        assertThat(row.path("live").asBoolean()).isTrue();

        // The next learner gets the live assessor: the reference coach has no room.
        long danielBefore = seat(stack, pool, DANIEL).path("openEnrollments").asLong();
        JsonNode enrolled = new LearnerJourney(stack, MARIA).enrol(mc);
        assertThat(enrolled.path("coach").path("id").asText()).as(enrolled.toString()).isEqualTo(DANIEL);
        assertThat(seat(stack, pool, DANIEL).path("openEnrollments").asLong()).isEqualTo(danielBefore + 1);
        assertThat(seat(stack, pool, PRIYA).path("openForMicroCredential").asLong()).isEqualTo(priyaOpenHere);
    }

    /** Enrols, submits the evidence and has Priya decide every criterion at {@code level}; the submission id. */
    private static String decidedSubmission(RunningStack stack, String learner, String mc, String level, String outcome)
            throws Exception {
        LearnerJourney journey = new LearnerJourney(stack, learner);
        JsonNode enrolled = journey.enrol(mc);
        assertThat(enrolled.path("coach").path("id").asText()).as("the pool's only coach").isEqualTo(PRIYA);
        String enrollment = enrolled.path("id").asText();
        journey.uploadAndConfirm(enrollment, "classroom-recording", "narration.mp4", "video/mp4", "mp4 narration");
        journey.uploadAndConfirm(enrollment, "ratio-tally", "tally.csv", "text/csv", "week,positive,corrections\n1,8,2\n");
        journey.declareText(enrollment, "reflection", "Narration settled row two within seconds.");
        String submission = journey.submit(enrollment).path("id").asText();
        HttpResponse<String> decided = LearnerJourney.post(stack, PRIYA, "/submissions/" + submission + "/decision",
                Map.of("outcome", outcome, "feedback", "Reference decision.", "scores", CRITERIA.stream()
                        .map(criterion -> Map.of("criterionId", criterion, "levelId", level)).toList()));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return submission;
    }

    private static JsonNode awaitInvitation(RunningStack stack, String mc, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            HttpResponse<String> invited = call(stack, GRACE, "POST", "/orgs/" + RIVERBEND + "/assessor-invitations",
                    Map.of("userId", DANIEL, "microCredentialId", mc));
            if (invited.statusCode() == 201) {
                return json(invited);
            }
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(422);
            assertThat(invited.body()).contains("badge-required");
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Daniel's badge was not issued within " + timeout + ": " + invited.body());
            }
            Thread.sleep(250);
        }
    }

    /** The accept link's token, from the SES emulator's inbox when it runs, else from the outbox the notifier reads. */
    private static String invitationToken(RunningStack stack, String mc, String email) throws Exception {
        Optional<SesMailbox> mailbox = SesMailbox.of(stack);
        String text;
        if (mailbox.isPresent()) {
            text = mailbox.get().await(email, "You are invited to assess", Duration.ofSeconds(20))
                    .path("body").path("text").asText();
        } else {
            Map<String, AttributeValue> item = stack.stack().emulators().dynamoDb().getItem(r -> r
                    .tableName(stack.stack().physicalNames().get("LearningTable")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("OUTBOX#assessor-invitation-" + RIVERBEND + "-" + mc + "-"
                            + DANIEL + "-1"), "sk", AttributeValue.fromS("EMAIL")))).item();
            assertThat(item).as("the invitation email in the outbox").isNotEmpty();
            text = OutboxItems.email(item).text();
        }
        Matcher link = ACCEPT_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private static String formFields(String html) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = FORM_FIELD.matcher(html);
        while (matcher.find()) {
            fields.add(matcher.group(1) + "=" + URLEncoder.encode(matcher.group(2), StandardCharsets.UTF_8));
        }
        assertThat(fields).as(html).hasSize(2);
        return String.join("&", fields);
    }

    private static JsonNode myCalibration(RunningStack stack, String mc) {
        HttpResponse<String> mine = send(stack, stack.request("/assessor/calibration")
                .header("authorization", "Bearer " + stack.tokenFor(DANIEL)));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        for (JsonNode calibration : json(mine).path("items")) {
            if (calibration.path("microCredentialId").asText().equals(mc)) {
                return calibration;
            }
        }
        throw new AssertionError("No calibration of " + mc + " in " + mine.body());
    }

    private static JsonNode reportRow(RunningStack stack, String mc) {
        HttpResponse<String> report = send(stack, stack.request("/orgs/" + RIVERBEND + "/reports/assessors")
                .header("authorization", "Bearer " + stack.tokenFor(GRACE)));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (JsonNode row : json(report).path("assessors")) {
            if (row.path("userId").asText().equals(DANIEL) && row.path("microCredentialId").asText().equals(mc)) {
                return row;
            }
        }
        throw new AssertionError("No report row for Daniel and " + mc + " in " + report.body());
    }

    /** The user's seat in the pool as the admin reads it (a missing node when not seated). */
    private static JsonNode seat(RunningStack stack, String pool, String userId) {
        HttpResponse<String> read = send(stack, stack.request(pool).header("authorization", "Bearer " + stack.tokenFor(GRACE)));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        for (JsonNode coach : json(read).path("coaches")) {
            if (coach.path("userId").asText().equals(userId)) {
                return coach;
            }
        }
        return json(read).path("no-such-seat");
    }

    private static HttpResponse<String> call(RunningStack stack, String userId, String method, String path, Object body) {
        return send(stack, stack.request(path).header("authorization", "Bearer " + stack.tokenFor(userId))
                .header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static void expectStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
