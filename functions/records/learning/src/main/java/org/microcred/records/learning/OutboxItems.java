package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping of the outbox contract (docs/data-model.md, "Outbox contract"), for every
 * writer and for the notification function that reads: {@code OUTBOX#<messageId> / EMAIL} with
 * the email's parts, and beside it, once the email is done, {@code OUTBOX#<messageId> / STATUS}
 * with {@code sentAt}/{@code sesMessageId} or {@code failedAt}/{@code failure} (emails done before
 * issue 16 carry those on the email item itself).
 */
final class OutboxItems {
    static final String SENT_AT = "sentAt";
    static final String SES_MESSAGE_ID = "sesMessageId";
    static final String FAILED_AT = "failedAt";
    static final String FAILURE = "failure";

    private OutboxItems() {
    }

    static Map<String, AttributeValue> emailItem(OutboxEmail email) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.outboxEmail(email.messageId()));
        item.put("messageId", s(email.messageId()));
        item.put("organizationId", s(email.organizationId()));
        item.put("fromName", s(email.fromName()));
        item.put("to", strings(email.to()));
        putIfPresent(item, "replyTo", email.replyTo());
        item.put("subject", s(email.subject()));
        item.put("html", s(email.html()));
        item.put("text", s(email.text()));
        item.put("createdAt", s(email.createdAt()));
        return item;
    }

    /**
     * The email item with its status item (null while it is pending). Read as stored, without
     * judging it: absent text attributes are empty strings and an absent or wrongly typed
     * {@code to} is an empty list, so the reader can say what is wrong with a malformed item
     * instead of the mapping failing on it.
     */
    static QueuedEmail queuedEmail(String messageId, Map<String, AttributeValue> item, Map<String, AttributeValue> status) {
        Map<String, AttributeValue> done = status == null ? item : status;
        OutboxEmail email = new OutboxEmail(messageId, text(item, "organizationId"), text(item, "fromName"),
                addresses(item.get("to")), optional(item, "replyTo").orElse(null), text(item, "subject"),
                text(item, "html"), text(item, "text"), text(item, "createdAt"));
        return new QueuedEmail(email, optional(done, SENT_AT), optional(done, FAILED_AT));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        return Optional.of(text(item, name)).filter(value -> !value.isBlank());
    }

    /** A list of strings as the contract says; anything else reads as no recipients. */
    private static List<String> addresses(AttributeValue to) {
        if (to == null || !to.hasL()) {
            return List.of();
        }
        return to.l().stream().map(address -> address.s() == null ? "" : address.s()).toList();
    }
}
