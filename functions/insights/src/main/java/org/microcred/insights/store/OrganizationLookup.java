package org.microcred.insights.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The organisation's review target, read from its profile. */
public final class OrganizationLookup {
    /** What an organisation without a profile or without a target gets. */
    public static final int DEFAULT_REVIEW_TARGET_BUSINESS_DAYS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public OrganizationLookup(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public int reviewTargetBusinessDays(String organizationId) {
        var item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ORG#" + organizationId), "sk", AttributeValue.fromS("PROFILE")))
                .projectionExpression("reviewTargetBusinessDays").build()).item();
        AttributeValue target = item == null ? null : item.get("reviewTargetBusinessDays");
        if (target == null || target.n() == null) {
            return DEFAULT_REVIEW_TARGET_BUSINESS_DAYS;
        }
        int days = (int) Double.parseDouble(target.n());
        return days > 0 ? days : DEFAULT_REVIEW_TARGET_BUSINESS_DAYS;
    }
}
