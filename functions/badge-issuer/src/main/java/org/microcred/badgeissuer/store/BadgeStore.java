package org.microcred.badgeissuer.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.badgeissuer.model.Badge;
import org.microcred.badgeissuer.model.Enrollment;
import org.microcred.badgeissuer.model.OutboxEmail;
import org.microcred.badgeissuer.signing.PublicJwk;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Writes an issued badge, its issuer's public key and the learner's email in one transaction.
 * The badge is written only if it does not exist, so of any number of deliveries of one award
 * exactly one commits (and only that one queues the email).
 */
public class BadgeStore {
    private final DynamoDbClient dynamoDb;
    private final String badgesTable;
    private final String learningTable;

    public BadgeStore(DynamoDbClient dynamoDb, String badgesTable, String learningTable) {
        this.dynamoDb = dynamoDb;
        this.badgesTable = badgesTable;
        this.learningTable = learningTable;
    }

    /** What became of a write. */
    public enum Written { ISSUED, ALREADY_ISSUED, CONFLICT }

    public boolean exists(String badgeId) {
        var item = dynamoDb.getItem(r -> r.tableName(badgesTable).consistentRead(true).key(badgeKey(badgeId))
                .projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }

    /**
     * @return {@code ALREADY_ISSUED} if the badge existed (nothing written), {@code CONFLICT} if a
     *         concurrent transaction on the same items made DynamoDB refuse this one (retry it)
     */
    public Written issue(Badge badge, PublicJwk key, OutboxEmail email) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(badgeItem(badge), keyItem(badge, key),
                    multikeyItem(badge), emailItem(email)));
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

    private TransactWriteItem badgeItem(Badge badge) {
        Enrollment enrollment = badge.sources().enrollment();
        Map<String, AttributeValue> item = new HashMap<>(badgeKey(badge.badgeId()));
        item.put("badgeId", s(badge.badgeId()));
        item.put("enrollmentId", s(enrollment.enrollmentId()));
        item.put("submissionId", s(badge.sources().award().submissionId()));
        item.put("attempt", AttributeValue.fromN(Integer.toString(badge.sources().award().attempt())));
        item.put("learnerKey", s("LEARNER#" + enrollment.learnerId()));
        item.put("learnerId", s(enrollment.learnerId()));
        item.put("learnerName", s(enrollment.learnerName()));
        item.put("learnerEmail", s(enrollment.learnerEmail()));
        item.put("organizationId", s(badge.sources().issuer().organizationId()));
        item.put("organizationName", s(badge.sources().issuer().name()));
        item.put("microCredentialId", s(badge.sources().microCredential().id()));
        item.put("microCredentialVersion", AttributeValue.fromN(Integer.toString(badge.sources().microCredential().version())));
        item.put("title", s(badge.sources().microCredential().title()));
        item.put("issuedAt", s(badge.issuedAt()));
        item.put("validFrom", s(badge.validFrom()));
        if (badge.validUntil() != null) {
            item.put("validUntil", s(badge.validUntil()));
        }
        item.put("credentialJwt", s(badge.credentialJwt()));
        // No separate "credential": it is credentialWithProof without its proof, and each copy of
        // the credential costs every write of the badge (and its index entry) about 8 KB more.
        item.put("keyId", s(badge.keyId()));
        item.put("achievementId", s(badge.achievementId()));
        item.put("evidence", AttributeValue.fromL(evidence(badge)));
        item.put("results", AttributeValue.fromL(results(badge)));
        Double creditHours = badge.sources().microCredential().creditHours();
        if (creditHours != null) {
            item.put("creditHours", AttributeValue.fromN(BigDecimal.valueOf(creditHours).stripTrailingZeros().toPlainString()));
        }
        item.put("recipientSalt", s(badge.recipientSalt()));
        item.put("recipientHash", s(badge.recipientHash()));
        item.put("credentialWithProof", s(badge.credentialWithProof()));
        item.put("proofKeyMultibase", s(badge.proofKeyMultibase()));
        item.put("status", s("active"));
        return TransactWriteItem.builder().put(Put.builder().tableName(badgesTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static List<AttributeValue> evidence(Badge badge) {
        List<AttributeValue> list = new ArrayList<>();
        for (Badge.EvidenceEntry entry : badge.evidence()) {
            Map<String, AttributeValue> one = new HashMap<>(Map.of("artifactId", s(entry.artifactId()),
                    "requirementId", s(entry.requirementId()), "requirement", s(entry.requirement()),
                    "kind", s(entry.kind()), "name", s(entry.name())));
            if (entry.fileName() != null) {
                one.put("fileName", s(entry.fileName()));
            }
            if (entry.url() != null) {
                one.put("url", s(entry.url()));
            }
            list.add(AttributeValue.fromM(one));
        }
        return list;
    }

    private static List<AttributeValue> results(Badge badge) {
        List<AttributeValue> list = new ArrayList<>();
        for (Badge.ResultEntry entry : badge.results()) {
            list.add(AttributeValue.fromM(Map.of("criterionId", s(entry.criterionId()),
                    "criterion", s(entry.criterion()), "levelId", s(entry.levelId()), "level", s(entry.level()),
                    "passed", AttributeValue.fromBool(entry.passed()))));
        }
        return list;
    }

    /** Same content on every issuance; createdAt keeps the first one's time. */
    private TransactWriteItem keyItem(Badge badge, PublicJwk key) {
        String organizationId = badge.sources().issuer().organizationId();
        return TransactWriteItem.builder().update(Update.builder().tableName(badgesTable)
                .key(Map.of("pk", s("ISSUER#" + organizationId), "sk", s("KEY#" + key.thumbprint())))
                .updateExpression("SET kid = :kid, jwk = :jwk, createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeValues(Map.of(":kid", s(key.thumbprint()), ":jwk", s(Json.write(key.members())),
                        ":now", s(badge.issuedAt())))
                .build()).build();
    }

    /** The Ed25519 Multikey of the embedded proofs, listed by the issuer profile (verification method). */
    private TransactWriteItem multikeyItem(Badge badge) {
        String organizationId = badge.sources().issuer().organizationId();
        return TransactWriteItem.builder().update(Update.builder().tableName(badgesTable)
                .key(Map.of("pk", s("ISSUER#" + organizationId), "sk", s("MULTIKEY#" + badge.proofKeyMultibase())))
                .updateExpression("SET publicKeyMultibase = :key, createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeValues(Map.of(":key", s(badge.proofKeyMultibase()), ":now", s(badge.issuedAt())))
                .build()).build();
    }

    private TransactWriteItem emailItem(OutboxEmail email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("OUTBOX#" + email.messageId()));
        item.put("sk", s("EMAIL"));
        item.put("messageId", s(email.messageId()));
        item.put("organizationId", s(email.organizationId()));
        item.put("fromName", s(email.fromName()));
        item.put("to", AttributeValue.fromL(email.to().stream().map(BadgeStore::s).toList()));
        item.put("subject", s(email.subject()));
        item.put("html", s(email.html()));
        item.put("text", s(email.text()));
        item.put("createdAt", s(email.createdAt()));
        return TransactWriteItem.builder().put(Put.builder().tableName(learningTable).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static Map<String, AttributeValue> badgeKey(String badgeId) {
        return Map.of("pk", s("BADGE#" + badgeId), "sk", s("BADGE"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null ? "" : value);
    }
}
