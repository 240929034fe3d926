package org.microcred.badges.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.badges.model.Badge;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps the issuer's badge items (the BadgesTable contract in docs/data-model.md) to {@link Badge}. */
final class BadgeItems {
    private BadgeItems() {
    }

    static Badge badge(Map<String, AttributeValue> item) {
        return new Badge(s(item, "badgeId"), s(item, "enrollmentId"), s(item, "submissionId"), n(item, "attempt"),
                s(item, "learnerId"), s(item, "learnerName"), s(item, "learnerEmail"), s(item, "organizationId"),
                s(item, "organizationName"), s(item, "microCredentialId"), n(item, "microCredentialVersion"),
                s(item, "title"), s(item, "issuedAt"), s(item, "validFrom"), s(item, "validUntil"),
                s(item, "credentialJwt"), s(item, "credential"), s(item, "keyId"), s(item, "achievementId"),
                evidence(item.get("evidence")), results(item.get("results")), decimal(item, "creditHours"),
                s(item, "recipientSalt"), s(item, "recipientHash"), s(item, "status"), s(item, "revokedAt"),
                s(item, "revocationReason"), s(item, "revokedBy"), s(item, "credentialWithProof"));
    }

    private static List<Badge.EvidenceRef> evidence(AttributeValue list) {
        List<Badge.EvidenceRef> evidence = new ArrayList<>();
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                Map<String, AttributeValue> m = entry.m();
                evidence.add(new Badge.EvidenceRef(s(m, "artifactId"), s(m, "requirementId"), s(m, "kind"),
                        s(m, "name")));
            }
        }
        return evidence;
    }

    private static List<Badge.CriterionResult> results(AttributeValue list) {
        List<Badge.CriterionResult> results = new ArrayList<>();
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                Map<String, AttributeValue> m = entry.m();
                AttributeValue passed = m.get("passed");
                results.add(new Badge.CriterionResult(s(m, "criterionId"), s(m, "criterion"), s(m, "levelId"),
                        s(m, "level"), passed != null && Boolean.TRUE.equals(passed.bool())));
            }
        }
        return results;
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static int n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    private static Double decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
