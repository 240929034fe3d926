package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Read-only, projected reads of the learning table for reports: whose an enrolment is, and the
 * reviews waiting too long.
 */
public final class LearningLookup {
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** The offering organisation and the micro-credential of an enrolment. */
    public record EnrollmentOwner(String organizationId, String microCredentialId) {
    }

    /** A submission still waiting for its decision. */
    public record WaitingReview(String microCredentialId, String coachId) {
    }

    public LearningLookup(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public static LearningLookup forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new LearningLookup(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    public Optional<EnrollmentOwner> enrollment(String enrollmentId) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(LearningKeys.enrollment(enrollmentId))
                .projectionExpression("organizationId, microCredentialId")).item();
        if (item == null || !item.containsKey("organizationId") || !item.containsKey("microCredentialId")) {
            return Optional.empty();
        }
        return Optional.of(new EnrollmentOwner(text(item, "organizationId"), text(item, "microCredentialId")));
    }

    /**
     * The organisation's submissions waiting since before {@code cutoff} (ISO-8601 UTC). While an
     * enrolment is {@code submitted} its {@code updatedAt} is the submission time, and it is the
     * sort key of {@code ByOrganizationStatus}, so only the overdue ones are read.
     */
    public List<WaitingReview> waitingSince(String organizationId, String cutoff) {
        return Queries.all(dynamoDb, r -> r.tableName(table).indexName(LearningKeys.BY_ORGANIZATION_STATUS)
                        .keyConditionExpression("orgStatusKey = :k AND updatedAt < :cutoff")
                        .expressionAttributeValues(Map.of(
                                ":k", s(LearningKeys.orgStatusKey(organizationId, EnrollmentStatus.SUBMITTED)),
                                ":cutoff", s(cutoff)))
                        .projectionExpression("microCredentialId, coachId"),
                item -> new WaitingReview(text(item, "microCredentialId"), text(item, "coachId")));
    }
}
