package org.microcred.notification.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outbox items as the other functions write them (the outbox contract), each with a unique
 * message id and subject so a test finds its own emails in the shared SES emulator.
 */
public final class OutboxEmails {
    private OutboxEmails() {
    }

    /** A complete, sendable outbox item as every function writes it; tests change or remove attributes from the copy. */
    public static Map<String, AttributeValue> welcome(String recipient) {
        return item(welcomeEmail(recipient));
    }

    /** The email {@link #welcome} stores, for tests that change its bodies before storing it. */
    public static OutboxEmail welcomeEmail(String recipient) {
        String messageId = "enr-" + UUID.randomUUID() + "#welcome";
        return new OutboxEmail(messageId, "org-riverbend", "Riverbend Unified School District", List.of(recipient),
                "coaching@riverbend.example", "Welcome to Exit Tickets That Inform Instruction " + messageId,
                "<p>Hello Maya,</p><p>You are enrolled.</p>", "Hello Maya,\n\nYou are enrolled.", "2026-03-02T09:15:00Z");
    }

    /** The item the one outbox writer (records/learning) stores for {@code email}, bodies compressed. */
    public static Map<String, AttributeValue> item(OutboxEmail email) {
        return new HashMap<>(OutboxWriter.transactItem("LearningTable", email).put().item());
    }

    /** The same email as items were written before issue 16: the bodies as the plain strings {@code html} and {@code text}. */
    public static Map<String, AttributeValue> welcomeWrittenBeforeIssue16(String recipient) {
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
