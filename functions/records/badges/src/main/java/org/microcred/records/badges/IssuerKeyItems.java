package org.microcred.records.badges;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * An issuer's public keys: signing keys ({@code ISSUER#<org> / KEY#<kid>}) and the Ed25519
 * Multikeys of the embedded proofs ({@code ISSUER#<org> / MULTIKEY#<multibase>}), written by
 * {@link IssuerKeyPublishing} when missing or changed; {@code createdAt} keeps the first one's time.
 * Never deleted.
 */
final class IssuerKeyItems {
    private IssuerKeyItems() {
    }

    static IssuerKey key(Map<String, AttributeValue> item) {
        return new IssuerKey(text(item, "kid"), text(item, "jwk"), text(item, "createdAt"));
    }

    static String multikey(Map<String, AttributeValue> item) {
        return text(item, "publicKeyMultibase");
    }

    static UpdateItemRequest keyUpdate(String table, String organizationId, IssuerKey key) {
        return UpdateItemRequest.builder().tableName(table).key(BadgeKeys.key(organizationId, key.kid()))
                .updateExpression("SET kid = :kid, jwk = :jwk, createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeValues(Map.of(":kid", s(key.kid()), ":jwk", s(key.jwk()), ":now", s(key.createdAt())))
                .build();
    }

    static UpdateItemRequest multikeyUpdate(String table, String organizationId, String publicKeyMultibase,
                                            String now) {
        return UpdateItemRequest.builder().tableName(table).key(BadgeKeys.multikey(organizationId, publicKeyMultibase))
                .updateExpression("SET publicKeyMultibase = :key, createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeValues(Map.of(":key", s(publicKeyMultibase), ":now", s(now)))
                .build();
    }
}
