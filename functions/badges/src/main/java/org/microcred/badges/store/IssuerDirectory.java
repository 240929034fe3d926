package org.microcred.badges.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Organisation names for issuer profiles, read from OrganizationsTable ({@code ORG#<id> / PROFILE}). */
public class IssuerDirectory {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public IssuerDirectory(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The organisation's display name; empty for an organisation without a profile. */
    public Optional<String> name(String organizationId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS("ORG#" + organizationId), "sk", AttributeValue.fromS("PROFILE"))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue name = item.get("name");
        return Optional.of(name == null || name.s() == null || name.s().isBlank() ? organizationId : name.s());
    }
}
