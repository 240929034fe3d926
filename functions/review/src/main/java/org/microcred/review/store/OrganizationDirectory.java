package org.microcred.review.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What reminders need from the organisations table: every organisation (index {@code BySortKey},
 * {@code sk = PROFILE}: one Query instead of a Scan), each one's review target, and its admins
 * (the {@code MEMBER#} items of its partition whose roles include org-admin).
 */
public class OrganizationDirectory {
    /** The review target when an organisation's profile names none (or a nonsensical one). */
    public static final int DEFAULT_TARGET_BUSINESS_DAYS = 5;
    static final String PROFILES_INDEX = "BySortKey";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OrganizationDirectory(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** An organisation as the directory lists it. */
    public record Profile(String organizationId, String name, int targetBusinessDays) {
    }

    /** An administrator to tell about overdue reviews. */
    public record Admin(String userId, String name, String email) {
    }

    /** Every organisation's profile, page by page. */
    public void forEachProfile(Consumer<Profile> action) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName).indexName(PROFILES_INDEX)
                    .keyConditionExpression("sk = :profile")
                    .expressionAttributeValues(Map.of(":profile", AttributeValue.fromS("PROFILE")))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> action.accept(profileFrom(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** One organisation's profile (GetItem); empty if it has none. */
    public Optional<Profile> profile(String organizationId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of("pk", AttributeValue.fromS("ORG#"
                + organizationId), "sk", AttributeValue.fromS("PROFILE")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(profileFrom(item));
    }

    /** The organisation's members with the org-admin role and an email address. */
    public List<Admin> admins(String organizationId) {
        List<Admin> admins = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                    .filterExpression("contains(#roles, :admin)")
                    .expressionAttributeNames(Map.of("#roles", "roles"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ORG#" + organizationId),
                            ":member", AttributeValue.fromS("MEMBER#"), ":admin", AttributeValue.fromS("org-admin")))
                    .exclusiveStartKey(from));
            page.items().stream().filter(item -> item.containsKey("email"))
                    .forEach(item -> admins.add(new Admin(text(item, "userId"), text(item, "name"), text(item, "email"))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return admins;
    }

    private static Profile profileFrom(Map<String, AttributeValue> item) {
        String id = text(item, "pk").substring("ORG#".length());
        String name = text(item, "name");
        int target = DEFAULT_TARGET_BUSINESS_DAYS;
        AttributeValue raw = item.get("reviewTargetBusinessDays");
        if (raw != null && raw.n() != null) {
            try {
                int parsed = Integer.parseInt(raw.n());
                target = parsed >= 1 && parsed <= 60 ? parsed : DEFAULT_TARGET_BUSINESS_DAYS;
            } catch (NumberFormatException e) {
                target = DEFAULT_TARGET_BUSINESS_DAYS;
            }
        }
        return new Profile(id, name == null ? id : name, target);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
