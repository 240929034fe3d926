package org.microcred.enrollment.model;

import java.util.List;

/**
 * An email written to the outbox in the same transaction as the change it announces; the
 * notification function sends it from the table stream. {@code messageId} is deterministic
 * (e.g. {@code <enrollmentId>#welcome}) so the same email can never be queued twice.
 */
public record OutboxEmail(String messageId, String organizationId, String fromName, List<String> to,
                          String replyTo, String subject, String html, String text, String createdAt) {
    public OutboxEmail {
        to = List.copyOf(to);
    }
}
