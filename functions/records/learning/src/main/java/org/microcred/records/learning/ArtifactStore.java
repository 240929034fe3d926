package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.records.core.Queries;
import org.microcred.shared.config.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Artifacts and submitted attempts in the learning table. Every change of a draft artifact is
 * one transaction with a check that the enrolment still has that attempt open (the submitted
 * count unchanged, the status one that takes evidence), so nothing slips into a frozen attempt.
 */
public class ArtifactStore {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ArtifactStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public static ArtifactStore forEnvironment(FunctionEnvironment environment, String learningTable) {
        return new ArtifactStore(DynamoDbClients.forEnvironment(environment), learningTable);
    }

    /**
     * Adds a declared (or, for text and links, already confirmed) artifact to the open attempt and,
     * if {@code replaced} is given, removes that one in the same transaction.
     */
    public void add(Artifact artifact, Artifact replaced) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(ArtifactItems.artifactItem(artifact)).conditionExpression("attribute_not_exists(pk)").build()).build();
        if (replaced == null) {
            transact(artifact, put);
        } else {
            transact(artifact, put, TransactWriteItem.builder().delete(deleteOf(replaced)).build());
        }
    }

    /** Records a confirmation, only if the artifact is still declared. */
    public void confirm(Artifact declared, Artifact confirmed) {
        transact(declared, TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(ArtifactItems.artifactItem(confirmed)).conditionExpression("#status = :declared")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":declared", s(ArtifactStatus.DECLARED.json()))).build()).build());
    }

    public void remove(Artifact artifact) {
        transact(artifact, TransactWriteItem.builder().delete(deleteOf(artifact)).build());
    }

    private Delete deleteOf(Artifact artifact) {
        return Delete.builder().tableName(tableName)
                .key(LearningKeys.artifact(artifact.enrollmentId(), artifact.attempt(), artifact.id()))
                .conditionExpression("attribute_exists(pk)").build();
    }

    private void transact(Artifact artifact, TransactWriteItem... changes) {
        List<TransactWriteItem> items = new ArrayList<>(List.of(changes));
        items.add(attemptStillOpen(artifact));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentChangeException("The artifact or its attempt changed meanwhile: " + e.getMessage(), e);
        }
    }

    private TransactWriteItem attemptStillOpen(Artifact artifact) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                .key(LearningKeys.enrollment(artifact.enrollmentId()))
                .conditionExpression("attempts = :submitted AND #status IN (:inProgress, :needsRevision)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":submitted", n(artifact.attempt() - 1L),
                        ":inProgress", s(EnrollmentStatus.IN_PROGRESS.json()),
                        ":needsRevision", s(EnrollmentStatus.NEEDS_REVISION.json()))).build()).build();
    }

    /** One artifact of an enrolment, in any attempt (Query on the enrolment's partition). */
    public Optional<Artifact> find(String enrollmentId, String artifactId) {
        return query(enrollmentId, LearningKeys.ATTEMPT_PREFIX, artifactId).stream().findFirst();
    }

    /** Every artifact of one attempt, oldest first. */
    public List<Artifact> artifacts(String enrollmentId, int attempt) {
        return query(enrollmentId, LearningKeys.artifactPrefix(attempt), null);
    }

    private List<Artifact> query(String enrollmentId, String prefix, String artifactId) {
        String pk = LearningKeys.enrollmentPartition(enrollmentId);
        List<Artifact> found = new ArrayList<>(Queries.all(dynamoDb, r -> {
            r.tableName(tableName).consistentRead(true).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)");
            if (artifactId == null) {
                r.filterExpression("attribute_exists(artifactId)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)));
            } else {
                r.filterExpression("artifactId = :id")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix), ":id", s(artifactId)));
            }
        }, ArtifactItems::artifactFrom));
        // An item written without createdAt (by hand, or by an older writer) sorts first instead of failing the read.
        found.sort(Comparator.comparing(Artifact::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Artifact::id));
        return found;
    }

    /** A submitted attempt, if it exists. */
    public Optional<Submission> submission(String enrollmentId, int attempt) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(LearningKeys.attempt(enrollmentId, attempt))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArtifactItems.submissionFrom(item));
    }

    /** The frozen attempt as a transaction item: written once, never overwritten. */
    public TransactWriteItem submissionItem(Submission submission, String coachId) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(ArtifactItems.attemptItem(submission, coachId))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
