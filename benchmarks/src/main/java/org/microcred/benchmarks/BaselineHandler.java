package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The yardstick for cold starts: the least a Java Lambda can do for the same request, one SDK
 * call with the same client setup and nothing else (no routing, JSON mapping or Powertools).
 * GET requests make the catalog's index Query; other methods make one PutItem.
 */
public class BaselineHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(System.getenv("MICROCRED_DYNAMODB_ENDPOINT")))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private static final String TABLE = System.getenv("CATALOG_TABLE");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRouteKey().startsWith("GET ")) {
            int count = DYNAMODB.query(r -> r.tableName(TABLE).indexName("ByChange")
                    .keyConditionExpression("feed = :feed AND changedAt > :after")
                    .expressionAttributeValues(Map.of(":feed", AttributeValue.fromS("CATALOG"),
                            ":after", AttributeValue.fromN("0")))).count();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"count\":" + count + "}").build();
        }
        DYNAMODB.putItem(r -> r.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("MC#baseline-" + System.nanoTime()),
                "sk", AttributeValue.fromS("DRAFT"), "document", AttributeValue.fromS(event.getBody()))));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody("{}").build();
    }
}
