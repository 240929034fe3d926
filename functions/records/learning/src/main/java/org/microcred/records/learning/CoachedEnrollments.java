package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The open enrolments a coach still has in an organisation (index ByCoach), read when an admin
 * looks at a deactivated coach: these need another coach.
 */
public class CoachedEnrollments {
    private static final int MAX = 200;

    private final DynamoDbClient dynamoDb;
    private final String learningTable;

    public CoachedEnrollments(DynamoDbClient dynamoDb, String learningTable) {
        this.dynamoDb = dynamoDb;
        this.learningTable = learningTable;
    }

    public static CoachedEnrollments forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new CoachedEnrollments(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    /** An open enrolment as the coach's index holds it. */
    public record Open(String enrollmentId, EnrollmentStatus status, String microCredentialId, String title,
                       String learnerName) {
    }

    /** Oldest first, at most 200 (an admin reassigns them a page at a time). */
    public List<Open> openOf(String organizationId, String coachId) {
        List<Open> open = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(learningTable)
                    .indexName(LearningKeys.BY_COACH)
                    .keyConditionExpression("coachKey = :coach")
                    .filterExpression("organizationId = :org")
                    .expressionAttributeValues(Map.of(":coach", s(LearningKeys.coachKey(coachId)),
                            ":org", s(organizationId)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                Optional<EnrollmentStatus> status = EnrollmentStatus.fromJson(text(item, "status"))
                        .filter(EnrollmentStatus::isOpen);
                if (status.isPresent() && open.size() < MAX) {
                    open.add(new Open(text(item, "enrollmentId"), status.get(), text(item, "microCredentialId"),
                            text(item, "title"), text(item, "learnerName")));
                }
            }
            start = Queries.hasNext(response) ? response.lastEvaluatedKey() : null;
        } while (start != null && open.size() < MAX);
        return open;
    }
}
