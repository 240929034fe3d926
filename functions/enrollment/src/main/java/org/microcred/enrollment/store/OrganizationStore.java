package org.microcred.enrollment.store;

import static org.microcred.enrollment.store.Attributes.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.microcred.enrollment.model.Coach;
import org.microcred.enrollment.model.Member;
import org.microcred.enrollment.model.Organization;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The organisations table as enrolment reads it: profiles and eligibility, the member
 * directory by email, and the coach pool. Coaches' counters are written through
 * {@link LearningWrite#coachLoad}, in the transaction of the enrolments they count.
 */
public class OrganizationStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public OrganizationStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public Optional<Organization> profile(String organizationId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(OrganizationItems.profileKey(organizationId))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(OrganizationItems.organizationFrom(organizationId, item));
    }

    /** Every organisation's member entry with this email address (index ByEmail; addresses are stored lower-case). */
    public List<Member> membersByEmail(String email) {
        QueryResponse response = dynamoDb.query(r -> r.tableName(tableName).indexName("ByEmail")
                .keyConditionExpression("email = :email")
                .expressionAttributeValues(Map.of(":email", s(email.toLowerCase(Locale.ROOT)))));
        // Coach entries carry an email too; only member entries are the directory.
        return response.items().stream()
                .filter(item -> item.get("sk").s().startsWith(OrganizationItems.MEMBER_PREFIX))
                .map(OrganizationItems::memberFrom)
                .toList();
    }

    /** The organisation's whole coach pool, with current loads (strongly consistent Query on its partition). */
    public List<Coach> coaches(String organizationId) {
        List<Coach> coaches = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :coach)")
                    .expressionAttributeValues(Map.of(":pk", s(OrganizationItems.partition(organizationId)),
                            ":coach", s(OrganizationItems.COACH_PREFIX)));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamoDb.query(request.build());
            response.items().forEach(item -> coaches.add(OrganizationItems.coachFrom(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return coaches;
    }

    public Optional<Coach> coach(String organizationId, String coachId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(OrganizationItems.coachKey(organizationId, coachId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrganizationItems.coachFrom(item));
    }
}
