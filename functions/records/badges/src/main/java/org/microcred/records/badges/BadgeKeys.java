package org.microcred.records.badges;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The BadgesTable's keys, written once (docs/data-model.md, "BadgesTable"): one partition per
 * badge ({@code BADGE#<badgeId> / BADGE}), one per issuing organisation holding its signing keys
 * ({@code KEY#<kid>}), its proof keys ({@code MULTIKEY#<multibase>}) and its revocation list
 * ({@code REVOKED#<badgeId>}); index ByLearner lists a learner's badges newest first.
 */
final class BadgeKeys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String BADGE_SK = "BADGE";
    static final String KEY_PREFIX = "KEY#";
    static final String MULTIKEY_PREFIX = "MULTIKEY#";
    static final String REVOKED_PREFIX = "REVOKED#";
    /** Index of badges by {@link #LEARNER_KEY}, sorted by {@link #ISSUED_AT}. */
    static final String BY_LEARNER = "ByLearner";
    static final String LEARNER_KEY = "learnerKey";
    static final String ISSUED_AT = "issuedAt";

    private BadgeKeys() {
    }

    static Map<String, AttributeValue> badge(String badgeId) {
        return itemKey("BADGE#" + badgeId, BADGE_SK);
    }

    static String issuer(String organizationId) {
        return "ISSUER#" + organizationId;
    }

    static Map<String, AttributeValue> key(String organizationId, String kid) {
        return itemKey(issuer(organizationId), KEY_PREFIX + kid);
    }

    static Map<String, AttributeValue> multikey(String organizationId, String publicKeyMultibase) {
        return itemKey(issuer(organizationId), MULTIKEY_PREFIX + publicKeyMultibase);
    }

    static Map<String, AttributeValue> revoked(String organizationId, String badgeId) {
        return itemKey(issuer(organizationId), REVOKED_PREFIX + badgeId);
    }

    /** The ByLearner partition of a learner's badges. */
    static String learner(String learnerId) {
        return "LEARNER#" + learnerId;
    }

    private static Map<String, AttributeValue> itemKey(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
