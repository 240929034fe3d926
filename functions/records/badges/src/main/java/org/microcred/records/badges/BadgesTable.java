package org.microcred.records.badges;

import java.util.List;
import java.util.Map;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table handle the stores of this library share: the client and the BadgesTable's name. */
public final class BadgesTable {
    private final DynamoDbClient dynamoDb;
    private final String name;

    public BadgesTable(DynamoDbClient dynamoDb, String name) {
        this.dynamoDb = dynamoDb;
        this.name = name;
    }

    /** The table as a function reaches it: the emulator locally, AWS otherwise. */
    public static BadgesTable forEnvironment(FunctionEnvironment environment, String name) {
        return new BadgesTable(DynamoDbClients.forEnvironment(environment), name);
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    String name() {
        return name;
    }

    /** The item with this key, or null. */
    Map<String, AttributeValue> get(Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(name).key(key).consistentRead(consistent))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** Every item of an issuer's partition whose sort key starts with {@code prefix}, all pages. */
    List<Map<String, AttributeValue>> issuerItems(String organizationId, String prefix) {
        return Queries.all(dynamoDb, r -> r.tableName(name)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BadgeKeys.issuer(organizationId)),
                        ":prefix", AttributeValue.fromS(prefix))), item -> item);
    }
}
