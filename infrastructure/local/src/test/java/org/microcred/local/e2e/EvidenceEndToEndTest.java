package org.microcred.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.LearnerJourney;
import org.microcred.local.fixtures.SesMailbox;
import org.microcred.local.junit.RunningStack;
import org.microcred.local.junit.WithLocalStack;

/**
 * A demo educator enrols, declares her evidence over HTTP, sends the files straight to the
 * storage emulator through the presigned URLs, confirms them and submits; her coach's email
 * with the signed review link (on this stack's own API URL) arrives in the SES emulator.
 */
@WithLocalStack(seeded = true)
class EvidenceEndToEndTest {
    private static final String MEI = "u-riverbend-learner-mei";

    @Test
    void learner_uploadsConfirmsAndSubmits_andTheCoachGetsTheReviewLink(RunningStack stack) throws Exception {
        LearnerJourney mei = new LearnerJourney(stack, MEI);
        JsonNode enrolled = mei.enrol(LearnerJourney.microCredentialId(stack, "exit tickets"));
        String enrollment = enrolled.path("id").asText();
        String coachEmail = enrolled.path("coach").path("email").asText();

        JsonNode submitted = mei.submitExitTicketsEvidence(enrollment);

        assertThat(submitted.path("attempt").asInt()).isEqualTo(1);
        Optional<SesMailbox> mailbox = SesMailbox.of(stack);
        assumeTrue(mailbox.isPresent(), "the SES emulator needs node >= 20.19");
        JsonNode email = mailbox.get().await(coachEmail, "submitted evidence", Duration.ofSeconds(15));
        String base = stack.baseUri().toString().replaceAll("/$", "");
        assertThat(email.toString()).contains(base + "/review/");
    }
}
