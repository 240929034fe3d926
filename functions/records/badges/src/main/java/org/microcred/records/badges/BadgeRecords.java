package org.microcred.records.badges;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.core.Page;
import org.microcred.records.core.PageCursors;
import org.microcred.records.core.Queries;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.OutboxWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Issued badges in BadgesTable: issuance (badge, issuer keys and the learner's email in one
 * conditional transaction), revocation (status, revocation list entry and email, together) and
 * the reads of the badge pages, "my achievements" and assessor eligibility.
 */
public final class BadgeRecords {
    private final BadgesTable table;
    private final OutboxWriter outbox;
    private final IssuerKeyPublishing keys;

    /** Badges for a function that reads them (and revokes or issues none). */
    public BadgeRecords(BadgesTable table) {
        this(table, null);
    }

    /**
     * @param outbox the LearningTable's outbox, where the learner's emails go; null sends none
     */
    public BadgeRecords(BadgesTable table, OutboxWriter outbox) {
        this.table = table;
        this.outbox = outbox;
        this.keys = new IssuerKeyPublishing(table);
    }

    /** What became of an issuance. */
    public enum Written { ISSUED, ALREADY_ISSUED, CONFLICT }

    public Optional<Badge> find(String badgeId, boolean consistent) {
        return Optional.ofNullable(table.get(BadgeKeys.badge(badgeId), consistent)).map(BadgeItems::badge);
    }

    /** Whether the badge exists (a strongly consistent read of its key only). */
    public boolean exists(String badgeId) {
        var item = table.dynamoDb().getItem(r -> r.tableName(table.name()).consistentRead(true)
                .key(BadgeKeys.badge(badgeId)).projectionExpression(BadgeKeys.PK)).item();
        return item != null && !item.isEmpty();
    }

    /**
     * A learner's badges, newest first (index ByLearner). The index holds what "my achievements"
     * shows, not the credentials; a badge whose evidence predates issue 13 is read whole, because
     * its evidence names come from its stored credential.
     */
    public Page<Badge> byLearner(String learnerId, int limit, Optional<String> cursor) {
        String partition = BadgeKeys.learner(learnerId);
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.name()).indexName(BadgeKeys.BY_LEARNER)
                .keyConditionExpression(BadgeKeys.LEARNER_KEY + " = :p")
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .scanIndexForward(false).limit(limit);
        cursor.ifPresent(c -> request.exclusiveStartKey(PageCursors.decode(c,
                Set.of(BadgeKeys.PK, BadgeKeys.SK, BadgeKeys.LEARNER_KEY, BadgeKeys.ISSUED_AT), BadgeKeys.LEARNER_KEY,
                partition)));
        QueryResponse response = table.dynamoDb().query(request.build());
        List<Badge> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(BadgeItems.hasLegacyEvidence(item)
                    ? find(text(item, "badgeId"), false).orElseGet(() -> BadgeItems.badge(item))
                    : BadgeItems.badge(item));
        }
        Optional<String> next = Queries.hasNext(response)
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page<>(items, next);
    }

    /** A learner's badges of one micro-credential, active or not (index ByLearner, every page). */
    public List<HeldBadge> held(String learnerId, String microCredentialId) {
        return Queries.all(table.dynamoDb(), r -> r.tableName(table.name()).indexName(BadgeKeys.BY_LEARNER)
                .keyConditionExpression(BadgeKeys.LEARNER_KEY + " = :learner")
                .filterExpression("microCredentialId = :mc")
                .expressionAttributeValues(Map.of(":learner", s(BadgeKeys.learner(learnerId)),
                        ":mc", s(microCredentialId)))
                .projectionExpression("badgeId, organizationId, #status")
                .expressionAttributeNames(Map.of("#status", "status")),
                item -> new HeldBadge(text(item, "badgeId"), text(item, "organizationId"), text(item, "status")));
    }

    /**
     * Writes a new badge and the learner's email in one transaction, after making sure its
     * issuer's signing key and proof Multikey are stored (written first when missing or changed,
     * so a badge is never stored without the keys that verify it). The badge is written only if
     * it does not exist, so of any number of deliveries of one award exactly one commits (and only
     * that one queues the email).
     *
     * @param signingKey the issuer key that signed the credential; its {@code createdAt} is kept
     *                   from the first issuance that wrote it
     * @return {@code ALREADY_ISSUED} if the badge existed (nothing written), {@code CONFLICT} if a
     *         concurrent transaction on the same items made DynamoDB refuse this one (retry it)
     */
    public Written issue(Badge badge, IssuerKey signingKey, OutboxEmail email) {
        keys.publish(badge.organizationId(), signingKey, badge.proofKeyMultibase(), badge.issuedAt());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(BadgeItems.item(badge))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        if (outbox != null && email != null) {
            items.add(outbox.transactItem(email));
        }
        try {
            table.dynamoDb().transactWriteItems(r -> r.transactItems(items));
            return Written.ISSUED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            String badgeReason = reasons.isEmpty() ? "" : String.valueOf(reasons.get(0).code());
            if ("ConditionalCheckFailed".equals(badgeReason)) {
                return Written.ALREADY_ISSUED;
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                return Written.CONFLICT;
            }
            throw e;
        }
    }

    /**
     * Revokes an active badge: its status, the issuer's revocation list entry and the learner's
     * email (outbox) are written in one transaction, so the page, the 2.0 assertion,
     * {@code /verify} and the list agree at once and the email goes out exactly when they do.
     *
     * @param email null or without recipient: none is sent
     * @return false when the badge was not active (already revoked, or gone): nothing changed
     */
    public boolean revoke(Badge badge, Revocation revocation, String revokedBy, OutboxEmail email) {
        Update status = Update.builder().tableName(table.name()).key(BadgeKeys.badge(badge.badgeId()))
                .updateExpression("SET #status = :revoked, revokedAt = :at, revocationReason = :reason, revokedBy = :by")
                .conditionExpression("#status = :active")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":revoked", s(Badge.REVOKED), ":active", s(Badge.ACTIVE),
                        ":at", s(revocation.revokedAt()), ":reason", s(revocation.reason()), ":by", s(revokedBy)))
                .build();
        Put listEntry = Put.builder().tableName(table.name())
                .item(RevocationItems.item(badge.organizationId(), revocation))
                .conditionExpression("attribute_not_exists(pk)").build();
        List<TransactWriteItem> items = new ArrayList<>(List.of(TransactWriteItem.builder().update(status).build(),
                TransactWriteItem.builder().put(listEntry).build()));
        if (outbox != null && email != null && !email.to().isEmpty()) {
            items.add(outbox.transactItem(email));
        }
        try {
            table.dynamoDb().transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            return false;
        }
    }
}
