package org.microcred.benchmarks;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The baseline's one DynamoDB call, with the client built as the functions build theirs. */
final class DynamoDbBaseline {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(System.getenv("MICROCRED_DYNAMODB_ENDPOINT")))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private static final String TABLE = System.getenv().getOrDefault("CATALOG_TABLE", System.getenv("LEARNING_TABLE"));

    private DynamoDbBaseline() {
    }

    static int query() {
        DYNAMODB.query(r -> r.tableName(TABLE).indexName("ByChange")
                .keyConditionExpression("feed = :feed AND changedAt > :after")
                .expressionAttributeValues(Map.of(":feed", AttributeValue.fromS("CATALOG"),
                        ":after", AttributeValue.fromN("0"))));
        return 200;
    }

    static int put(String body) {
        DYNAMODB.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("BASELINE#" + System.nanoTime()),
                "sk", AttributeValue.fromS("DRAFT"), "document", AttributeValue.fromS(body == null ? "{}" : body))));
        return 201;
    }
}
