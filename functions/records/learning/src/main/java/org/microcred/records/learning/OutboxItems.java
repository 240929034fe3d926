package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping of the outbox contract (docs/data-model.md, "Outbox contract"), for every
 * writer and for the notification function that reads: {@code OUTBOX#<messageId> / EMAIL} with
 * the email's parts, and beside it, once the email is done, {@code OUTBOX#<messageId> / STATUS}
 * with {@code sentAt}/{@code sesMessageId} or {@code failedAt}/{@code failure} (emails done before
 * issue 16 carry those on the email item itself). The bodies are one compressed binary
 * attribute, {@code body} ({@link OutboxBody}), so an email fits one write unit; emails written
 * before issue 16 carry them as the strings {@code html} and {@code text}, and read the same.
 */
public final class OutboxItems {
    static final String BODY = "body";
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
        item.put(BODY, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(
                new OutboxBody(email.html(), email.text()).compressed())));
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
        return new QueuedEmail(email(messageId, item), optional(done, SENT_AT), optional(done, FAILED_AT));
    }

    /**
     * Writes and reads back one email's item, so SnapStart's snapshot holds the body codec loaded
     * and run (a reader's first real email then pays neither).
     */
    public static void prime() {
        email(emailItem(OutboxEmail.to("primer@microcred.example", "priming", "org", "Priming", "Priming",
                "<p>Priming</p>", "Priming", "2026-01-01T00:00:00.000Z")));
    }

    /**
     * The email an {@code OUTBOX#<messageId> / EMAIL} item holds, in either shape, read as
     * {@link #queuedEmail} reads it: for code that holds the item itself, such as a test that
     * checks what a function queued.
     */
    public static OutboxEmail email(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(LearningKeys.PK);
        String messageId = pk == null || pk.s() == null ? text(item, "messageId")
                : LearningKeys.messageIdOf(pk.s()).orElse(text(item, "messageId"));
        return email(messageId, item);
    }

    private static OutboxEmail email(String messageId, Map<String, AttributeValue> item) {
        OutboxBody body = body(item);
        return new OutboxEmail(messageId, text(item, "organizationId"), text(item, "fromName"),
                addresses(item.get("to")), optional(item, "replyTo").orElse(null), text(item, "subject"),
                body.html(), body.text(), text(item, "createdAt"));
    }

    /**
     * The compressed {@code body} when there is one, else the strings of an email written before
     * issue 16. A {@code body} that does not decompress reads as no bodies, which the notification
     * function gives up on as malformed rather than retrying for ever.
     */
    private static OutboxBody body(Map<String, AttributeValue> item) {
        AttributeValue body = item.get(BODY);
        if (body != null && body.b() != null) {
            return OutboxBody.of(body.b().asByteArrayUnsafe()).orElse(new OutboxBody("", ""));
        }
        return new OutboxBody(text(item, "html"), text(item, "text"));
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
