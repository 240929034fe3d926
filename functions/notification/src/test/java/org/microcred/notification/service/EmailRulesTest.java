package org.microcred.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.records.learning.OutboxEmail;

class EmailRulesTest {
    @Test
    void completeEmail_canBeSent() {
        assertThat(EmailRules.problems(email(List.of("maya@riverbend.example"), "Welcome", "<p>Hi</p>", "Hi"))).isEmpty();
    }

    @Test
    void emailWithOnlyOneBody_canBeSent() {
        assertThat(EmailRules.problems(email(List.of("maya@riverbend.example"), "Welcome", "", "Hi"))).isEmpty();
    }

    @Test
    void noRecipients_isAProblem() {
        assertThat(EmailRules.problems(email(List.of(), "Welcome", "<p>Hi</p>", "Hi")))
                .containsExactly("to must be a list of at least one address");
    }

    @Test
    void moreRecipientsThanSesAccepts_isAProblem() {
        List<String> to = Collections.nCopies(EmailRules.MAX_RECIPIENTS + 1, "coach@riverbend.example");

        assertThat(EmailRules.problems(email(to, "Welcome", "<p>Hi</p>", "Hi")))
                .containsExactly("to lists 51 addresses; SES accepts at most 50");
    }

    @Test
    void malformedAddresses_areNamedByPositionNotByValue() {
        OutboxEmail email = new OutboxEmail("m1", "org", "Riverbend", List.of("ok@riverbend.example", "maya at riverbend",
                "a@b\r\nBcc: x@y.example"), "<reply@riverbend.example>", "Welcome", "<p>Hi</p>", "Hi",
                "2026-01-01T00:00:00.000Z");

        assertThat(EmailRules.problems(email)).containsExactly("to[1] is not an email address",
                "to[2] is not an email address", "replyTo is not an email address");
    }

    @Test
    void blankSubjectAndNoBody_areProblems() {
        assertThat(EmailRules.problems(email(List.of("maya@riverbend.example"), "  ", "", " ")))
                .containsExactly("subject is missing", "html and text are both missing");
    }

    private static OutboxEmail email(List<String> to, String subject, String html, String text) {
        return new OutboxEmail("m1", "org-riverbend", "Riverbend", to, null, subject, html, text,
                "2026-01-01T00:00:00.000Z");
    }
}
