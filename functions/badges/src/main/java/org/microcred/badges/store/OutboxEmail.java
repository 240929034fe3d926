package org.microcred.badges.store;

/** One email for NotificationFunction to send (the outbox contract in docs/data-model.md). */
public record OutboxEmail(String messageId, String organizationId, String fromName, String to, String subject,
                          String html, String text, String createdAt) {
}
