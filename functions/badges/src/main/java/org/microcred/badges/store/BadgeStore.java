package org.microcred.badges.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.badges.model.Badge;
import org.microcred.badges.model.IssuerKey;
import org.microcred.badges.model.Revocation;
import org.microcred.records.core.PageCursors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * BadgesTable as the badge function uses it: reads the issuer's badge and key items, and
 * writes revocations (the badge's status and the issuer's revocation list entry, together).
 */
public class BadgeStore {
    private static final String LEARNER_KEY = "learnerKey";
    private static final String ISSUED_AT = "issuedAt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String learningTable;

    /**
     * @param learningTable where the learner's revocation email goes (its outbox); null sends none
     */
    public BadgeStore(DynamoDbClient dynamoDb, String tableName, String learningTable) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.learningTable = learningTable;
    }

    /** One page of a learner's badges; {@code nextCursor} is empty on the last page. */
    public record Page(List<Badge> items, Optional<String> nextCursor) {
    }

    public Optional<Badge> find(String badgeId, boolean consistent) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(badgeKey(badgeId)).consistentRead(consistent))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BadgeItems.badge(item));
    }

    public Optional<IssuerKey> key(String organizationId, String kid) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS("ISSUER#" + organizationId), "sk", AttributeValue.fromS("KEY#" + kid)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(key(item));
    }

    public List<IssuerKey> keys(String organizationId) {
        List<IssuerKey> keys = new ArrayList<>();
        queryIssuer(organizationId, "KEY#").forEach(item -> keys.add(key(item)));
        return keys;
    }

    /** Whether the issuer publishes this Ed25519 Multikey (the embedded proofs' verification method). */
    public boolean publishesMultikey(String organizationId, String publicKeyMultibase) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS("ISSUER#" + organizationId),
                "sk", AttributeValue.fromS("MULTIKEY#" + publicKeyMultibase)))).item();
        return item != null && !item.isEmpty();
    }

    public List<String> multikeys(String organizationId) {
        List<String> keys = new ArrayList<>();
        queryIssuer(organizationId, "MULTIKEY#").forEach(item -> keys.add(BadgeItems.s(item, "publicKeyMultibase")));
        return keys;
    }

    public List<Revocation> revocations(String organizationId) {
        List<Revocation> revocations = new ArrayList<>();
        queryIssuer(organizationId, "REVOKED#").forEach(item -> revocations.add(new Revocation(
                BadgeItems.s(item, "badgeId"), BadgeItems.s(item, "revokedAt"), BadgeItems.s(item, "reason"))));
        return revocations;
    }

    /**
     * A learner's badges, newest first (index ByLearner). The index holds what "my achievements"
     * shows, not the credentials; a badge whose evidence predates issue 13 is read whole, because
     * its evidence names come from its stored credential.
     */
    public Page byLearner(String learnerId, int limit, Optional<String> cursor) {
        String partition = "LEARNER#" + learnerId;
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName("ByLearner")
                .keyConditionExpression("learnerKey = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .scanIndexForward(false).limit(limit);
        cursor.ifPresent(c -> request.exclusiveStartKey(PageCursors.decode(c, Set.of("pk", "sk", LEARNER_KEY, ISSUED_AT),
                LEARNER_KEY, partition)));
        QueryResponse response = dynamoDb.query(request.build());
        List<Badge> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(BadgeItems.hasLegacyEvidence(item)
                    ? find(BadgeItems.s(item, "badgeId"), false).orElseGet(() -> BadgeItems.badge(item))
                    : BadgeItems.badge(item));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(items, next);
    }

    /**
     * Revokes an active badge: its status, the issuer's revocation list entry and the learner's
     * email (outbox) are written in one transaction, so the page, the 2.0 assertion,
     * {@code /verify} and the list agree at once and the email goes out exactly when they do.
     *
     * @return false when the badge was not active (already revoked, or gone): nothing changed
     */
    public boolean revoke(Badge badge, Revocation revocation, String revokedBy, OutboxEmail email) {
        Update status = Update.builder().tableName(tableName).key(badgeKey(badge.badgeId()))
                .updateExpression("SET #status = :revoked, revokedAt = :at, revocationReason = :reason, revokedBy = :by")
                .conditionExpression("#status = :active")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":revoked", AttributeValue.fromS(Badge.REVOKED),
                        ":active", AttributeValue.fromS(Badge.ACTIVE), ":at", AttributeValue.fromS(revocation.revokedAt()),
                        ":reason", AttributeValue.fromS(revocation.reason()), ":by", AttributeValue.fromS(revokedBy)))
                .build();
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("pk", AttributeValue.fromS("ISSUER#" + badge.organizationId()));
        entry.put("sk", AttributeValue.fromS("REVOKED#" + badge.badgeId()));
        entry.put("badgeId", AttributeValue.fromS(badge.badgeId()));
        entry.put("revokedAt", AttributeValue.fromS(revocation.revokedAt()));
        entry.put("reason", AttributeValue.fromS(revocation.reason()));
        Put listEntry = Put.builder().tableName(tableName).item(entry).conditionExpression("attribute_not_exists(pk)")
                .build();
        List<TransactWriteItem> items = new ArrayList<>(List.of(TransactWriteItem.builder().update(status).build(),
                TransactWriteItem.builder().put(listEntry).build()));
        if (learningTable != null && email != null && email.to() != null) {
            items.add(TransactWriteItem.builder().put(outbox(email)).build());
        }
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            return false;
        }
    }

    private Put outbox(OutboxEmail email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("OUTBOX#" + email.messageId()));
        item.put("sk", AttributeValue.fromS("EMAIL"));
        item.put("messageId", AttributeValue.fromS(email.messageId()));
        item.put("organizationId", AttributeValue.fromS(email.organizationId()));
        item.put("fromName", AttributeValue.fromS(email.fromName()));
        item.put("to", AttributeValue.fromL(List.of(AttributeValue.fromS(email.to()))));
        item.put("subject", AttributeValue.fromS(email.subject()));
        item.put("html", AttributeValue.fromS(email.html()));
        item.put("text", AttributeValue.fromS(email.text()));
        item.put("createdAt", AttributeValue.fromS(email.createdAt()));
        return Put.builder().tableName(learningTable).item(item).conditionExpression("attribute_not_exists(pk)").build();
    }

    private List<Map<String, AttributeValue>> queryIssuer(String organizationId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(r -> r.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ISSUER#" + organizationId),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static IssuerKey key(Map<String, AttributeValue> item) {
        return new IssuerKey(BadgeItems.s(item, "kid"), BadgeItems.s(item, "jwk"), BadgeItems.s(item, "createdAt"));
    }

    private static Map<String, AttributeValue> badgeKey(String badgeId) {
        return Map.of("pk", AttributeValue.fromS("BADGE#" + badgeId), "sk", AttributeValue.fromS("BADGE"));
    }
}
