package org.microcred.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * An {@code AWS::DynamoDB::Table} as template.yaml declares it, in the SDK's own types so the
 * local stack creates exactly the keys, indexes and stream the cloud gets.
 */
public record TableDefinition(String logicalId,
                              List<KeySchemaElement> keySchema,
                              List<AttributeDefinition> attributeDefinitions,
                              List<GlobalSecondaryIndex> globalSecondaryIndexes,
                              Optional<StreamViewType> streamViewType) {

    public TableDefinition {
        keySchema = List.copyOf(keySchema);
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }

    static TableDefinition from(String logicalId, JsonNode properties) {
        if (properties.has("LocalSecondaryIndexes")) {
            throw new IllegalArgumentException("Table " + logicalId
                    + " declares LocalSecondaryIndexes, which the local stack does not create yet");
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode attribute : properties.path("AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(attribute.path("AttributeName").asText())
                    .attributeType(attribute.path("AttributeType").asText())
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.path("KeySchema")))
                    .projection(projection(index.path("Projection")))
                    .build());
        }
        JsonNode stream = properties.path("StreamSpecification").path("StreamViewType");
        return new TableDefinition(logicalId, keySchema(properties.path("KeySchema")), attributes, indexes,
                stream.isTextual() ? Optional.of(StreamViewType.fromValue(stream.asText())) : Optional.empty());
    }

    public boolean hasStream() {
        return streamViewType.isPresent();
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> elements = new ArrayList<>();
        for (JsonNode key : keys) {
            elements.add(KeySchemaElement.builder()
                    .attributeName(key.path("AttributeName").asText())
                    .keyType(key.path("KeyType").asText())
                    .build());
        }
        return elements;
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder()
                .projectionType(projection.path("ProjectionType").asText("ALL"));
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }
}
