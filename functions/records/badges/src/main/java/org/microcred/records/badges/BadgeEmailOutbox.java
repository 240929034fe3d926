package org.microcred.records.badges;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one place this library writes to another table: a badge email's {@code OUTBOX#<messageId> /
 * EMAIL} item in the LearningTable, put only if absent, for a badge transaction to carry. Kept
 * apart so it can give way to the LearningTable library's outbox writer.
 */
public final class BadgeEmailOutbox {
    private final String learningTable;

    public BadgeEmailOutbox(String learningTable) {
        this.learningTable = learningTable;
    }

    TransactWriteItem put(BadgeEmail email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("OUTBOX#" + email.messageId()));
        item.put("sk", s("EMAIL"));
        item.put("messageId", s(email.messageId()));
        item.put("organizationId", s(email.organizationId()));
        item.put("fromName", s(email.fromName()));
        item.put("to", AttributeValue.fromL(email.to().stream().map(BadgeEmailOutbox::s).toList()));
        item.put("subject", s(email.subject()));
        item.put("html", s(email.html()));
        item.put("text", s(email.text()));
        item.put("createdAt", s(email.createdAt()));
        return TransactWriteItem.builder().put(Put.builder().tableName(learningTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** An absent text (a learner without a name) is written empty rather than failing the whole transaction. */
    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null ? "" : value);
    }
}
