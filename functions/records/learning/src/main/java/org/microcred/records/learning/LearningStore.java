package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.learning.LearningItems.ENROLLMENT_ID;
import static org.microcred.records.learning.LearningKeys.LEARNER_KEY;
import static org.microcred.records.learning.LearningKeys.ORG_STATUS_KEY;
import static org.microcred.records.learning.LearningKeys.PK;
import static org.microcred.records.learning.LearningKeys.SK;
import static org.microcred.records.learning.LearningKeys.UPDATED_AT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Page;
import org.microcred.records.core.PageCursors;
import org.microcred.records.core.Queries;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The learning table: enrolments, their idempotency guards, PLC groups and the email outbox.
 * Reads are plain lookups and index queries; every write is one {@link LearningWrite}
 * transaction so an enrolment, its guard, its coach's load and its emails change together or
 * not at all.
 */
public class LearningStore {
    /** DynamoDB's limit on the items of one TransactWriteItems. */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final CoachPools coachPools;

    /**
     * @param organizationsTable where coaches' open-enrolment counters live; they are updated in
     *                           the same transaction as the enrolments they count
     */
    public LearningStore(DynamoDbClient dynamoDb, String tableName, String organizationsTable) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.coachPools = new CoachPools(new OrganizationsTable(dynamoDb, organizationsTable));
    }

    /** The table as the function reaches it (the emulator locally, DynamoDB in AWS). */
    public static LearningStore forEnvironment(FunctionEnvironment environment, String tableName,
                                               String organizationsTable) {
        return new LearningStore(DynamoDbClients.forEnvironment(environment), tableName, organizationsTable);
    }

    /** A new, empty transaction against this table (and the coaches' counters). */
    public LearningWrite newWrite() {
        return new LearningWrite(tableName, coachPools);
    }

    /**
     * Commits every item of the write atomically.
     *
     * @throws ConcurrentChangeException when any condition fails or another transaction interferes
     */
    public void commit(LearningWrite write) {
        List<TransactWriteItem> items = write.items();
        if (items.isEmpty()) {
            return;
        }
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalStateException("A transaction of " + items.size() + " items exceeds DynamoDB's limit");
        }
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("The enrolment transaction was cancelled: " + e.getMessage(), e);
        }
    }

    /** The enrolment, read strongly consistent because writes start from it. */
    public Optional<Enrollment> find(String enrollmentId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(LearningKeys.enrollment(enrollmentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LearningItems.enrollmentFrom(item));
    }

    /** The id of the learner's open (not withdrawn) enrolment in the micro-credential, if any. */
    public Optional<String> activeEnrollmentId(String userId, String microCredentialId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(LearningKeys.guard(userId, microCredentialId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get(ENROLLMENT_ID).s());
    }

    public Optional<PlcGroup> group(String groupId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(LearningKeys.group(groupId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LearningItems.groupFrom(item));
    }

    /** Several enrolments at once (BatchGetItem, 100 keys a call), keyed by id; missing ones are left out. */
    public Map<String, Enrollment> findAll(List<String> enrollmentIds) {
        Map<String, Enrollment> found = new HashMap<>();
        List<String> distinct = enrollmentIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT))
                    .stream().map(LearningKeys::enrollment).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder().keys(keys).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(current));
                response.responses().getOrDefault(tableName, List.of()).stream().map(LearningItems::enrollmentFrom)
                        .forEach(enrollment -> found.put(enrollment.id(), enrollment));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
            }
        }
        return found;
    }

    /** A learner's enrolments, most recently changed first (index ByLearner). */
    public Page<Enrollment> byLearner(String userId, int limit, Optional<String> cursor) {
        return query(LearningKeys.BY_LEARNER, LEARNER_KEY, LearningKeys.learnerKey(userId), limit, cursor);
    }

    /** An organisation's enrolments in one status, most recently changed first (index ByOrganizationStatus). */
    public Page<Enrollment> byOrganizationStatus(String organizationId, EnrollmentStatus status, int limit,
                                                 Optional<String> cursor) {
        return query(LearningKeys.BY_ORGANIZATION_STATUS, ORG_STATUS_KEY, LearningKeys.orgStatusKey(organizationId, status),
                limit, cursor);
    }

    private Page<Enrollment> query(String index, String partitionAttribute, String partitionValue, int limit,
                                   Optional<String> cursor) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(index)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", partitionAttribute))
                .expressionAttributeValues(Map.of(":p", s(partitionValue)))
                .scanIndexForward(false)
                .limit(limit);
        cursor.ifPresent(c -> request.exclusiveStartKey(PageCursors.decode(c,
                Set.of(PK, SK, partitionAttribute, UPDATED_AT), partitionAttribute, partitionValue)));
        QueryResponse response = dynamoDb.query(request.build());
        List<Enrollment> items = new ArrayList<>();
        response.items().forEach(item -> items.add(LearningItems.enrollmentFrom(item)));
        Optional<String> next = Queries.hasNext(response)
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page<>(items, next);
    }

    /** Attribute values of a condition, kept in order for readable expressions. */
    static Map<String, AttributeValue> values(Object... nameValuePairs) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object value = nameValuePairs[i + 1];
            values.put((String) nameValuePairs[i], value instanceof Long number ? n(number) : s((String) value));
        }
        return values;
    }
}
