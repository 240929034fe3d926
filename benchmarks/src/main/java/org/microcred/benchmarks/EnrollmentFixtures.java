package org.microcred.benchmarks;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The benchmark organisation: open to anyone, two coaches qualified for every collection. */
final class EnrollmentFixtures {
    private final DynamoDbClient dynamoDb;
    private final String organizationsTable;

    EnrollmentFixtures(DynamoDbClient dynamoDb, String organizationsTable) {
        this.dynamoDb = dynamoDb;
        this.organizationsTable = organizationsTable;
    }

    void seedOrganization() {
        put(Map.of("pk", s("ORG#org-bench"), "sk", s("PROFILE"), "organizationId", s("org-bench"),
                "name", s("Bench Unified School District"), "eligibility", s("anyone")));
        List<AttributeValue> collections = CatalogFixtures.COLLECTIONS.stream().map(EnrollmentFixtures::s).toList();
        for (String coach : List.of("coach-a", "coach-b")) {
            put(Map.of("pk", s("ORG#org-bench"), "sk", s("COACH#" + coach), "userId", s(coach),
                    "name", s("Coach " + coach), "email", s(coach + "@bench.example"),
                    "collections", AttributeValue.fromL(collections), "microCredentialIds", AttributeValue.fromL(List.of()),
                    "openEnrollments", AttributeValue.fromN("0")));
        }
    }

    private void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(r -> r.tableName(organizationsTable).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
