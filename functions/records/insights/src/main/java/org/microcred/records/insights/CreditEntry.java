package org.microcred.records.insights;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One credit as the credits report shows it: a micro-credential an educator mastered, with the
 * credit hours of the version they enrolled in. {@code sortKey} is the credit item's sort key
 * ({@code <masteredAt>#<learnerId>#<microCredentialId>}), which orders credits and places them
 * in a period; {@code creditHours} is the stored number as written (null without hours).
 */
public record CreditEntry(String sortKey, String learnerId, String learnerName, String learnerEmail,
                          String microCredentialId, String title, String creditHours, String masteredAt) {

    /** What the report reads of a credit item; the rest stays in the table. */
    static final String ATTRIBUTES = "sk, learnerId, learnerName, learnerEmail, microCredentialId, title, creditHours, "
            + "masteredAt";

    static CreditEntry of(Map<String, AttributeValue> item) {
        AttributeValue hours = item.get("creditHours");
        return new CreditEntry(text(item, InsightsKeys.SK), text(item, "learnerId"), text(item, "learnerName"),
                text(item, "learnerEmail"), text(item, "microCredentialId"), text(item, "title"),
                hours == null ? null : hours.n(), text(item, "masteredAt"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
