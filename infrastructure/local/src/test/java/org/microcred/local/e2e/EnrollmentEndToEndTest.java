package org.microcred.local.e2e;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;

/**
 * A demo educator enrols over HTTP with a dev token in a demo micro-credential: the seeded
 * organisation policy admits her, the seeded coach pool gives her a coach, she sees the
 * enrolment in her list, and the outbox emails travel the stream to the SES emulator.
 */
@WithLocalStack(seeded = true)
class EnrollmentEndToEndTest {
    private static final String MARIA = "u-riverbend-learner-maria";
    private static final String DANIEL = "u-riverbend-learner-daniel";
    private static final String AISHA = "u-lakeshore-learner-aisha";
    private static final List<String> RIVERBEND_ASSESSMENT_COACHES = List.of(
            "u-riverbend-coach-priya", "u-riverbend-coach-samuel");

    @Test
    void demoLearner_enrolsWithAToken_getsACoach_andSeesItInHerList(RunningStack stack) {
        String id = microCredentialId(stack, "hinge questions");

        HttpResponse<String> response = enroll(stack, MARIA, id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode enrollment = json(response);
        assertThat(enrollment.path("status").asText()).isEqualTo("in-progress");
        assertThat(RIVERBEND_ASSESSMENT_COACHES).contains(enrollment.path("coach").path("id").asText());
        assertThat(response.headers().firstValue("location")).hasValue("/enrollments/" + enrollment.path("id").asText());

        HttpResponse<String> mine = send(stack, stack.request("/me/enrollments")
                .header("authorization", "Bearer " + stack.tokenFor(MARIA)));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).path("items")).extracting(item -> item.path("id").asText())
                .contains(enrollment.path("id").asText());

        assertThat(enroll(stack, MARIA, id).statusCode()).as("enrolling again").isEqualTo(200);
    }

    @Test
    void demoLearnerOfAnotherDistrict_isToldWhoTheMicroCredentialIsFor(RunningStack stack) {
        HttpResponse<String> response = enroll(stack, AISHA, microCredentialId(stack, "cold calling"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asText())
                .isEqualTo("This micro-credential is for staff of Riverbend Unified School District.");
    }

    /*
     * Passes once StreamPoller re-acquires its shard iterator after TrimmedDataAccessException:
     * DynamoDB Local invalidates an iterator held on an empty shard as soon as any table is
     * written (its sequence numbers are global), and the demo seeding writes other tables before
     * the first enrolment, so the poller never reads the LearningTable stream. Verified with that
     * change applied; the stream wiring is outside this scope.
     */
    @Test
    void enrolment_emailsTheLearnerAndTheCoachThroughTheStreamAndSes(RunningStack stack) throws Exception {
        Optional<URI> store = stack.stack().emulators().sesStoreUrl();
        assumeTrue(store.isPresent(), "the SES emulator needs node >= 20.19");
        JsonNode enrollment = json(enroll(stack, DANIEL, microCredentialId(stack, "exit tickets")));
        String coachEmail = enrollment.path("coach").path("email").asText();
        String learnerEmail = enrollment.path("learner").path("email").asText();

        // The SES emulator is shared with other tests, whose emails may reach the same coach.
        List<JsonNode> emails = awaitEmails(stack, store.get(), List.of(learnerEmail, coachEmail), "Daniel Okafor",
                Duration.ofSeconds(15));

        JsonNode welcome = to(emails, learnerEmail, "Welcome");
        assertThat(welcome.path("subject").asText()).startsWith("Welcome to Checking for Understanding with Exit Tickets");
        assertThat(welcome.path("from").asText()).contains("Riverbend Unified School District");
        JsonNode coach = to(emails, coachEmail, "Daniel Okafor");
        assertThat(coach.path("subject").asText()).isEqualTo(
                "You have a new learner: Daniel Okafor (Checking for Understanding with Exit Tickets)");
    }

    private static String microCredentialId(RunningStack stack, String query) {
        HttpResponse<String> response = send(stack, stack.request("/microcredentials?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        JsonNode items = json(response).path("items");
        assertThat(items).as("demo catalog search for " + query).isNotEmpty();
        return items.get(0).path("id").asText();
    }

    private static HttpResponse<String> enroll(RunningStack stack, String userId, String microCredentialId) {
        return send(stack, stack.request("/microcredentials/" + microCredentialId + "/enrollments")
                .header("authorization", "Bearer " + stack.tokenFor(userId))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static List<JsonNode> awaitEmails(RunningStack stack, URI store, List<String> recipients, String about,
                                              Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<JsonNode> emails = new ArrayList<>();
            json(stack.http().send(HttpRequest.newBuilder(store).build(), HttpResponse.BodyHandlers.ofString()))
                    .path("emails").forEach(emails::add);
            boolean all = recipients.stream().allMatch(recipient -> emails.stream()
                    .anyMatch(email -> email.path("destination").path("to").toString().contains(recipient)
                            && email.toString().contains(about)));
            if (all || Instant.now().isAfter(deadline)) {
                return emails;
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode to(List<JsonNode> emails, String recipient, String subject) {
        return emails.stream().filter(email -> email.path("destination").path("to").toString().contains(recipient)
                        && email.path("subject").asText().contains(subject))
                .findFirst().orElseThrow(() -> new AssertionError("No email to " + recipient + " among " + emails));
    }
}
