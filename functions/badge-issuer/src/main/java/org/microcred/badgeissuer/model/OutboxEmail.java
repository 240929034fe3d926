package org.microcred.badgeissuer.model;

import java.util.List;

/** An email for NotificationFunction, written with the badge (see "Outbox contract" in docs/data-model.md). */
public record OutboxEmail(String messageId, String organizationId, String fromName, List<String> to, String subject,
                          String html, String text, String createdAt) {
    public OutboxEmail {
        to = List.copyOf(to);
    }
}
