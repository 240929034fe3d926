package org.microcred.records.badges;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes sure an issuer's signing key and proof Multikey are stored before a badge that needs them
 * is: a verifier must always find the key. Each is written only when it is missing or different
 * (an eventually consistent read says so), outside the badge's transaction, where every item costs
 * twice; the function then remembers it for as long as it stays warm, so later badges neither
 * read nor write it.
 *
 * <p>Safe because issuer key items are never deleted: a key once read back stays stored, and
 * a read that misses a just-written key only causes the same write again.
 */
final class IssuerKeyPublishing {
    private final BadgesTable table;
    /** What this container knows to be stored: organisation, kid and JWK, or organisation and Multikey. */
    private final Set<String> published = ConcurrentHashMap.newKeySet();

    IssuerKeyPublishing(BadgesTable table) {
        this.table = table;
    }

    void publish(String organizationId, IssuerKey signingKey, String proofKeyMultibase, String now) {
        String key = "KEY\n" + organizationId + "\n" + signingKey.kid() + "\n" + signingKey.jwk();
        if (!published.contains(key)) {
            Map<String, AttributeValue> stored = table.get(BadgeKeys.key(organizationId, signingKey.kid()), false);
            IssuerKey current = stored == null ? null : IssuerKeyItems.key(stored);
            if (current == null || !Objects.equals(current.kid(), signingKey.kid())
                    || !Objects.equals(current.jwk(), signingKey.jwk())) {
                table.dynamoDb().updateItem(IssuerKeyItems.keyUpdate(table.name(), organizationId, signingKey));
            }
            published.add(key);
        }
        String multikey = "MULTIKEY\n" + organizationId + "\n" + proofKeyMultibase;
        if (!published.contains(multikey)) {
            if (table.get(BadgeKeys.multikey(organizationId, proofKeyMultibase), false) == null) {
                table.dynamoDb().updateItem(IssuerKeyItems.multikeyUpdate(table.name(), organizationId,
                        proofKeyMultibase, now));
            }
            published.add(multikey);
        }
    }
}
