package org.microcred.records.badges;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An entry of an issuer's revocation list ({@code ISSUER#<org> / REVOKED#<badgeId>}). */
final class RevocationItems {
    private RevocationItems() {
    }

    static Revocation revocation(Map<String, AttributeValue> item) {
        return new Revocation(text(item, "badgeId"), text(item, "revokedAt"), text(item, "reason"));
    }

    static Map<String, AttributeValue> item(String organizationId, Revocation revocation) {
        Map<String, AttributeValue> item = new HashMap<>(BadgeKeys.revoked(organizationId, revocation.badgeId()));
        item.put("badgeId", s(revocation.badgeId()));
        item.put("revokedAt", s(revocation.revokedAt()));
        item.put("reason", s(revocation.reason()));
        return item;
    }
}
