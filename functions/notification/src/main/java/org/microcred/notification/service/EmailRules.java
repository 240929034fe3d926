package org.microcred.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.microcred.records.learning.OutboxEmail;

/**
 * What an outbox email needs before it is worth handing to SES. An email that breaks these
 * rules was written wrongly and would fail the same way on every retry, so it is recorded as
 * failed instead of blocking the stream. Addresses are only checked for shape (one {@code @},
 * no spaces, brackets or line breaks); SES judges the rest. Problems name fields and positions,
 * never the addresses themselves, because they end up in logs.
 */
public final class EmailRules {
    /** SES's limit on recipients of one message. */
    static final int MAX_RECIPIENTS = 50;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]+@[^\\s\\p{Cntrl}@<>,;\"]+");

    private EmailRules() {
    }

    /** Everything wrong with the email, one sentence each; empty when it can be sent. */
    public static List<String> problems(OutboxEmail email) {
        List<String> problems = new ArrayList<>();
        if (email.to().isEmpty()) {
            problems.add("to must be a list of at least one address");
        } else if (email.to().size() > MAX_RECIPIENTS) {
            problems.add("to lists " + email.to().size() + " addresses; SES accepts at most " + MAX_RECIPIENTS);
        }
        for (int i = 0; i < email.to().size(); i++) {
            if (!isAddress(email.to().get(i))) {
                problems.add("to[" + i + "] is not an email address");
            }
        }
        if (email.replyTo() != null && !email.replyTo().isBlank() && !isAddress(email.replyTo())) {
            problems.add("replyTo is not an email address");
        }
        if (email.subject().isBlank()) {
            problems.add("subject is missing");
        }
        if (email.html().isBlank() && email.text().isBlank()) {
            problems.add("html and text are both missing");
        }
        return problems;
    }

    private static boolean isAddress(String address) {
        return ADDRESS.matcher(address).matches();
    }
}
