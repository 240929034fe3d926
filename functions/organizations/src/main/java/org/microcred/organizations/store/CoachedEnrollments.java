package org.microcred.organizations.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.microcred.organizations.model.MemberView;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The open enrolments a coach still has in an organisation (LearningTable, index ByCoach), read
 * when an admin looks at a deactivated coach: these need another coach.
 */
public class CoachedEnrollments {
    private static final Set<String> CLOSED = Set.of("mastered", "withdrawn");
    private static final int MAX = 200;

    private final DynamoDbClient dynamoDb;
    private final String learningTable;

    public CoachedEnrollments(DynamoDbClient dynamoDb, String learningTable) {
        this.dynamoDb = dynamoDb;
        this.learningTable = learningTable;
    }

    /** Oldest first, at most 200 (an admin reassigns them a page at a time). */
    public List<MemberView.CoachedEnrollment> openOf(String organizationId, String coachId) {
        List<MemberView.CoachedEnrollment> open = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(learningTable).indexName("ByCoach")
                    .keyConditionExpression("coachKey = :coach")
                    .filterExpression("organizationId = :org")
                    .expressionAttributeValues(Map.of(":coach", AttributeValue.fromS("COACH#" + coachId),
                            ":org", AttributeValue.fromS(organizationId)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                String status = text(item, "status");
                if (status != null && !CLOSED.contains(status) && open.size() < MAX) {
                    open.add(new MemberView.CoachedEnrollment(text(item, "enrollmentId"), status,
                            text(item, "microCredentialId"), text(item, "title"), text(item, "learnerName")));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && open.size() < MAX);
        return open;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
