package org.microcred.records.learning;

import java.util.List;

/**
 * An email to send, written to the outbox in the same transaction as the change it announces
 * (or, for reminders, by one conditional put); the notification function sends it from the table
 * stream. {@code messageId} is deterministic (e.g. {@code <enrollmentId>#welcome}) so the same
 * email can never be queued twice. The one outbox record of every function that sends mail.
 *
 * @param fromName the display name it is sent under (the organisation's name)
 * @param replyTo  optional: null (or empty) for none
 */
public record OutboxEmail(String messageId, String organizationId, String fromName, List<String> to,
                          String replyTo, String subject, String html, String text, String createdAt) {
    public OutboxEmail {
        to = List.copyOf(to);
    }

    /** An email to one recipient without a reply-to address. */
    public static OutboxEmail to(String recipient, String messageId, String organizationId, String fromName,
                                 String subject, String html, String text, String createdAt) {
        return new OutboxEmail(messageId, organizationId, fromName, List.of(recipient), null, subject, html, text,
                createdAt);
    }
}
