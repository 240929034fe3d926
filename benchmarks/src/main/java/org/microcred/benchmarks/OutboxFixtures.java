package org.microcred.benchmarks;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes outbox emails as the enrolment service does, so a notification cold start sends a real one. */
final class OutboxFixtures {
    private final DynamoDbClient dynamoDb;
    private final String table;

    OutboxFixtures(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A new unsent email; returns its key for the stream record. */
    String newEmail(int run) {
        String pk = "OUTBOX#bench-" + run + "-" + System.nanoTime();
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("EMAIL"),
                "organizationId", AttributeValue.fromS("org-bench"),
                "fromName", AttributeValue.fromS("Bench District"),
                "to", AttributeValue.fromL(List.of(AttributeValue.fromS("learner@bench.example"))),
                "subject", AttributeValue.fromS("Welcome to your micro-credential"),
                "html", AttributeValue.fromS("<p>Your coach is Sam.</p>"),
                "text", AttributeValue.fromS("Your coach is Sam."),
                "createdAt", AttributeValue.fromS("2026-11-23T00:00:00Z"))));
        return pk;
    }
}
