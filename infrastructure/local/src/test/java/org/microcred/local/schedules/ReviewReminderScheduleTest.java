package org.microcred.local.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local stack runs a scheduled function on demand: a demo educator's submission is made to
 * look three weeks old, {@code POST /_local/schedules/ReviewReminderFunction} runs the reminders,
 * and her coach's reminder with a review link arrives in the SES emulator.
 */
@WithLocalStack(seeded = true)
class ReviewReminderScheduleTest {
    private static final String DANIEL = "u-riverbend-learner-daniel";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void trigger_runsTheReminders_andTheCoachGetsTheEmail_onceADay(RunningStack stack) throws Exception {
        HttpResponse<String> enrolled = post(stack, "/microcredentials/" + microCredentialId(stack, "exit tickets")
                + "/enrollments", null);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String enrollment = json(enrolled).path("id").asText();
        String coachEmail = json(enrolled).path("coach").path("email").asText();
        submit(stack, enrollment);
        backdate(stack, enrollment, Instant.now().minus(Duration.ofDays(21)));

        HttpResponse<String> run = trigger(stack, "ReviewReminderFunction");

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode result = json(run);
        assertThat(result.path("function").asText()).isEqualTo("ReviewReminderFunction");
        assertThat(result.path("schedule").path("expression").asText()).isEqualTo("cron(0 13 ? * MON-FRI *)");
        assertThat(result.path("event").path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(result.path("result").path("remindersQueued").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(json(trigger(stack, "ReviewReminderFunction")).path("result").path("remindersQueued").asInt())
                .as("a second run the same day").isZero();
        Optional<URI> store = stack.stack().emulators().sesStoreUrl();
        assumeTrue(store.isPresent(), "the SES emulator needs node >= 20.19");
        JsonNode email = awaitEmail(stack, store.get(), coachEmail, "Reminder", Duration.ofSeconds(15));
        String base = stack.baseUri().toString().replaceAll("/$", "");
        assertThat(email.toString()).contains(base + "/review/").contains("Daniel Okafor");
    }

    @Test
    void trigger_ofAFunctionWithoutSchedule_orUnknown_is404(RunningStack stack) {
        HttpResponse<String> notScheduled = trigger(stack, "ReviewFunction");
        HttpResponse<String> unknown = trigger(stack, "NoSuchFunction");

        assertThat(notScheduled.statusCode()).isEqualTo(404);
        assertThat(json(notScheduled).path("detail").asText()).contains("has no Schedule event");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("detail").asText()).contains("no function NoSuchFunction");
    }

    private static HttpResponse<String> trigger(RunningStack stack, String function) {
        return send(stack, stack.request("/_local/schedules/" + function).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The waiting time counts from the enrolment's updatedAt (the submission time while it waits). */
    private static void backdate(RunningStack stack, String enrollment, Instant submittedAt) {
        String table = stack.stack().physicalNames().get("LearningTable");
        stack.stack().emulators().dynamoDb().updateItem(r -> r.tableName(table).key(Map.of(
                        "pk", AttributeValue.fromS("ENR#" + enrollment), "sk", AttributeValue.fromS("ENROLLMENT")))
                .updateExpression("SET updatedAt = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(TIMESTAMP.format(submittedAt)))));
    }

    private static void submit(RunningStack stack, String enrollment) throws Exception {
        uploadAndConfirm(stack, enrollment, "exit-ticket-plan", "plan.pdf", "application/pdf", "%PDF-1.4 plan");
        uploadAndConfirm(stack, enrollment, "student-responses", "tickets.png", "image/png", "PNG tickets");
        uploadAndConfirm(stack, enrollment, "response-data", "results.csv", "text/csv", "group,count\nmastered,12\n");
        HttpResponse<String> reflection = post(stack, "/enrollments/" + enrollment + "/artifacts", Map.of(
                "requirementId", "reflection", "kind", "text", "text", "The exit tickets showed two groups."));
        assertThat(reflection.statusCode()).as(reflection.body()).isEqualTo(201);
        HttpResponse<String> submitted = post(stack, "/enrollments/" + enrollment + "/submissions", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    }

    private static void uploadAndConfirm(RunningStack stack, String enrollment, String requirementId, String name,
                                         String mediaType, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = post(stack, "/enrollments/" + enrollment + "/artifacts", Map.of(
                "requirementId", requirementId, "kind", "file", "fileName", name, "mediaType", mediaType,
                "sizeBytes", bytes.length, "sha256",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode upload = json(declared).path("upload");
        HttpResponse<String> put = stack.http().send(HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .header("Content-Type", upload.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> confirmed = post(stack, "/enrollments/" + enrollment + "/artifacts/"
                + json(declared).path("id").asText() + "/complete", null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(RunningStack stack, String path, Object body) {
        HttpRequest.Builder request = stack.request(path).header("authorization", "Bearer " + stack.tokenFor(DANIEL));
        if (body == null) {
            return send(stack, request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(stack, request.header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static String microCredentialId(RunningStack stack, String query) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        return json(response).path("items").get(0).path("id").asText();
    }

    private static JsonNode awaitEmail(RunningStack stack, URI store, String recipient, String subject,
                                       Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (JsonNode email : json(stack.http().send(HttpRequest.newBuilder(store).build(),
                    HttpResponse.BodyHandlers.ofString())).path("emails")) {
                if (email.path("destination").path("to").toString().contains(recipient)
                        && email.path("subject").asText().contains(subject)) {
                    return email;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No email to " + recipient + " about '" + subject + "'");
            }
            Thread.sleep(200);
        }
    }
}
