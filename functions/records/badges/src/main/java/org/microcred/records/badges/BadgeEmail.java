package org.microcred.records.badges;

import java.util.List;

/**
 * An email about a badge (issued, revoked) for NotificationFunction, queued in the same
 * transaction as the badge change (see "Outbox contract" in docs/data-model.md).
 */
public record BadgeEmail(String messageId, String organizationId, String fromName, List<String> to, String subject,
                         String html, String text, String createdAt) {
    public BadgeEmail {
        to = List.copyOf(to);
    }
}
