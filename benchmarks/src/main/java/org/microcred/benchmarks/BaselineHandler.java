package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

/**
 * The yardstick for cold starts: the least a Java Lambda can do for the same event, one SDK call
 * with the same client setup and nothing else (no routing, JSON mapping or Powertools).
 * GET requests make the catalog's index Query, other HTTP methods one PutItem, stream events one
 * SES SendEmail (a mastery decision for the badge issuer: one PutItem). Each call lives in its own class so only the SDK client it needs is loaded.
 */
public class BaselineHandler implements RequestHandler<Object, Object> {

    @Override
    public Object handleRequest(Object event, Context context) {
        if (event instanceof DynamodbEvent stream && isDecision(stream)) {
            // The issuer's yardstick is a write to its tables, not an email.
            DynamoDbBaseline.put(null);
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        }
        if (event instanceof DynamodbEvent) {
            SesBaseline.sendOne();
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        }
        APIGatewayV2HTTPEvent http = (APIGatewayV2HTTPEvent) event;
        int status = http.getRouteKey().startsWith("GET ") ? DynamoDbBaseline.query() : DynamoDbBaseline.put(http.getBody());
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withBody("{}").build();
    }

    private static boolean isDecision(DynamodbEvent event) {
        var sk = event.getRecords().get(0).getDynamodb().getKeys().get("sk");
        return sk != null && sk.getS() != null && sk.getS().endsWith("#DECISION");
    }
}
