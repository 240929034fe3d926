package org.microcred.notification.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.notification.model.OutboxEmail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox item layout every writer follows: {@code OUTBOX#<messageId> / EMAIL} with the
 * email's parts. Once this function is done with an email it records how in a small item beside
 * it, {@code OUTBOX#<messageId> / STATUS} with {@code sentAt}/{@code sesMessageId} or
 * {@code failedAt}/{@code failure} (emails done before issue 16 carry those on the email item).
 */
public final class OutboxItems {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String PK_PREFIX = "OUTBOX#";
    public static final String EMAIL = "EMAIL";
    static final String STATUS = "STATUS";
    static final String SENT_AT = "sentAt";
    static final String SES_MESSAGE_ID = "sesMessageId";
    static final String FAILED_AT = "failedAt";
    static final String FAILURE = "failure";

    private OutboxItems() {
    }

    /** The message id an outbox partition key carries, or empty if the key is not an outbox key. */
    public static Optional<String> messageId(String partitionKey) {
        if (partitionKey == null || !partitionKey.startsWith(PK_PREFIX) || partitionKey.length() == PK_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(partitionKey.substring(PK_PREFIX.length()));
    }

    static String partition(String messageId) {
        return PK_PREFIX + messageId;
    }

    static Map<String, AttributeValue> statusKey(String messageId) {
        return Map.of(PK, AttributeValue.fromS(partition(messageId)), SK, AttributeValue.fromS(STATUS));
    }

    /** The email item with its status item (null while it is pending). */
    static OutboxEmail email(String messageId, Map<String, AttributeValue> item, Map<String, AttributeValue> status) {
        Map<String, AttributeValue> done = status == null ? item : status;
        return new OutboxEmail(messageId, text(item, "organizationId"), text(item, "fromName"), addresses(item.get("to")),
                optional(item, "replyTo"), text(item, "subject"), text(item, "html"), text(item, "text"),
                optional(done, SENT_AT), optional(done, FAILED_AT));
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
