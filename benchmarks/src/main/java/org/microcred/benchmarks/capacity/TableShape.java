package org.microcred.benchmarks.capacity;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What billing needs to know of a table: its key attributes and its global secondary indexes. */
record TableShape(String name, List<String> keyAttributes, List<Index> indexes) {

    /** One global secondary index: its key attributes and what it projects. */
    record Index(String name, List<String> keyAttributes, ProjectionType projection, Set<String> nonKeyAttributes) {
        /**
         * The index entry of an item, or null if the item is not in the index (a key attribute
         * missing: sparse index).
         */
        Map<String, AttributeValue> entry(Map<String, AttributeValue> item, List<String> tableKey) {
            if (item == null || !item.keySet().containsAll(keyAttributes)) {
                return null;
            }
            if (projection == ProjectionType.ALL) {
                return item;
            }
            Set<String> kept = new LinkedHashSet<>(tableKey);
            kept.addAll(keyAttributes);
            if (projection == ProjectionType.INCLUDE) {
                kept.addAll(nonKeyAttributes);
            }
            Map<String, AttributeValue> entry = new HashMap<>();
            kept.forEach(name -> {
                if (item.containsKey(name)) {
                    entry.put(name, item.get(name));
                }
            });
            return entry;
        }
    }

    static TableShape describe(DynamoDbClient dynamoDb, String table) {
        TableDescription description = dynamoDb.describeTable(r -> r.tableName(table)).table();
        List<Index> indexes = description.hasGlobalSecondaryIndexes()
                ? description.globalSecondaryIndexes().stream().map(TableShape::index).toList() : List.of();
        return new TableShape(table, names(description.keySchema()), indexes);
    }

    private static Index index(GlobalSecondaryIndexDescription index) {
        var projection = index.projection();
        return new Index(index.indexName(), names(index.keySchema()), projection.projectionType(),
                projection.hasNonKeyAttributes() ? Set.copyOf(projection.nonKeyAttributes()) : Set.of());
    }

    private static List<String> names(List<KeySchemaElement> schema) {
        return schema.stream().map(KeySchemaElement::attributeName).toList();
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        keyAttributes.forEach(name -> key.put(name, item.get(name)));
        return key;
    }
}
