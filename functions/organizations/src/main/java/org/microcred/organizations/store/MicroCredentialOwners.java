package org.microcred.organizations.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which organisation owns a micro-credential (CatalogTable {@code MC#id / DRAFT}, two
 * attributes projected): a coach pool may only be set by the owner.
 */
public class MicroCredentialOwners {
    private final DynamoDbClient dynamoDb;
    private final String catalogTable;

    public MicroCredentialOwners(DynamoDbClient dynamoDb, String catalogTable) {
        this.dynamoDb = dynamoDb;
        this.catalogTable = catalogTable;
    }

    public Optional<String> ownerOf(String microCredentialId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(catalogTable)
                .key(Map.of("pk", AttributeValue.fromS("MC#" + microCredentialId), "sk", AttributeValue.fromS("DRAFT")))
                .projectionExpression("organizationId")).item();
        return item == null || item.get("organizationId") == null ? Optional.empty()
                : Optional.of(item.get("organizationId").s());
    }
}
