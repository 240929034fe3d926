package org.microcred.notification.model;

import java.util.List;
import java.util.Optional;

/**
 * An email another function wrote to the outbox, in the same transaction as the change that
 * caused it. Read as stored, without judging it: absent text attributes are empty strings and
 * an absent or wrongly typed {@code to} is an empty list, so {@code EmailRules} can say what is
 * wrong with a malformed item instead of the mapping failing on it.
 */
public record OutboxEmail(String messageId,
                          String organizationId,
                          String fromName,
                          List<String> to,
                          Optional<String> replyTo,
                          String subject,
                          String html,
                          String text,
                          Optional<String> sentAt,
                          Optional<String> failedAt) {
    public OutboxEmail {
        to = List.copyOf(to);
    }
}
