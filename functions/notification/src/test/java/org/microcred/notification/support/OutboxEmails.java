package org.microcred.notification.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outbox items as the other functions write them (the outbox contract), each with a unique
 * message id and subject so a test finds its own emails in the shared SES emulator.
 */
public final class OutboxEmails {
    private OutboxEmails() {
    }

    /** A complete, sendable outbox item; tests change or remove attributes from the copy. */
    public static Map<String, AttributeValue> welcome(String recipient) {
        String messageId = "enr-" + UUID.randomUUID() + "#welcome";
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("OUTBOX#" + messageId));
        item.put("sk", s("EMAIL"));
        item.put("organizationId", s("org-riverbend"));
        item.put("fromName", s("Riverbend Unified School District"));
        item.put("to", AttributeValue.fromL(List.of(s(recipient))));
        item.put("replyTo", s("coaching@riverbend.example"));
        item.put("subject", s("Welcome to Exit Tickets That Inform Instruction " + messageId));
        item.put("html", s("<p>Hello Maya,</p><p>You are enrolled.</p>"));
        item.put("text", s("Hello Maya,\n\nYou are enrolled."));
        item.put("createdAt", s("2026-03-02T09:15:00Z"));
        return item;
    }

    public static String messageId(Map<String, AttributeValue> item) {
        return item.get("pk").s().substring("OUTBOX#".length());
    }

    public static String subject(Map<String, AttributeValue> item) {
        return item.get("subject").s();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    /**
     * The outbox email as stored, with what delivery recorded about it (sentAt, failedAt,
     * sesMessageId), which lives in its own {@code STATUS} item beside the email.
     */
    public static Map<String, AttributeValue> delivered(DynamoDbClient dynamoDb, String table,
                                                        Map<String, AttributeValue> item) {
        Map<String, AttributeValue> seen = new HashMap<>(dynamoDb.getItem(r -> r.tableName(table).key(key(item))
                .consistentRead(true)).item());
        var status = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", item.get("pk"), "sk", s("STATUS"))));
        if (status.hasItem()) {
            status.item().forEach((name, value) -> {
                if (!name.equals("pk") && !name.equals("sk")) {
                    seen.put(name, value);
                }
            });
        }
        return seen;
    }
}
