package org.microcred.local.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.microcred.local.fixtures.Fixtures.json;
import static org.microcred.local.fixtures.Fixtures.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.fixtures.SesMailbox;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;
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
        LearnerJourney daniel = new LearnerJourney(stack, DANIEL);
        JsonNode enrolled = daniel.enrol(LearnerJourney.microCredentialId(stack, "exit tickets"));
        String enrollment = enrolled.path("id").asText();
        String coachEmail = enrolled.path("coach").path("email").asText();
        daniel.submitExitTicketsEvidence(enrollment);
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
        Optional<SesMailbox> mailbox = SesMailbox.of(stack);
        assumeTrue(mailbox.isPresent(), "the SES emulator needs node >= 20.19");
        JsonNode email = mailbox.get().await(coachEmail, "Reminder", Duration.ofSeconds(15));
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
}
