package org.microcred.badges.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.badges.model.Badge;
import org.microcred.shared.json.Json;
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
                evidence(item.get("evidence"), s(item, "credential")), results(item.get("results")),
                decimal(item, "creditHours"),
                s(item, "recipientSalt"), s(item, "recipientHash"), s(item, "status"), s(item, "revokedAt"),
                s(item, "revocationReason"), s(item, "revokedBy"), s(item, "credentialWithProof"));
    }

    /** Whether an evidence entry was written before issue 13 (no {@code requirement}): its names need the credential. */
    static boolean hasLegacyEvidence(Map<String, AttributeValue> item) {
        AttributeValue list = item.get("evidence");
        return list != null && list.hasL() && list.l().stream()
                .anyMatch(entry -> !entry.hasM() || !entry.m().containsKey("requirement"));
    }

    private static List<Badge.EvidenceRef> evidence(AttributeValue list, String credential) {
        List<Badge.EvidenceRef> evidence = new ArrayList<>();
        if (list != null && list.hasL()) {
            for (int i = 0; i < list.l().size(); i++) {
                Map<String, AttributeValue> m = list.l().get(i).m();
                evidence.add(m.containsKey("requirement") ? new Badge.EvidenceRef(s(m, "artifactId"),
                        s(m, "requirementId"), s(m, "requirement"), s(m, "kind"), s(m, "name"), s(m, "fileName"),
                        s(m, "url")) : legacy(m, i, credential));
            }
        }
        return evidence;
    }

    /**
     * An entry written before issue 13, whose {@code name} was the file name, the link itself or
     * "Written response: <requirement>". The public name becomes the requirement's title (the
     * {@code description} of the same entry in the signed credential); the old name, if it was a
     * file name or a link, stays for the learner's own view only.
     */
    private static Badge.EvidenceRef legacy(Map<String, AttributeValue> m, int index, String credential) {
        String kind = s(m, "kind");
        String name = s(m, "name");
        String requirement = requirementTitle(credential, index);
        if (requirement == null) {
            requirement = Badge.EvidenceRef.TEXT.equals(kind) && name != null && name.startsWith("Written response: ")
                    ? name.substring("Written response: ".length()) : s(m, "requirementId");
        }
        return new Badge.EvidenceRef(s(m, "artifactId"), s(m, "requirementId"), requirement, kind, requirement,
                Badge.EvidenceRef.FILE.equals(kind) ? name : null, Badge.EvidenceRef.LINK.equals(kind) ? name : null);
    }

    private static String requirementTitle(String credential, int index) {
        if (credential == null) {
            return null;
        }
        try {
            JsonNode description = Json.MAPPER.readTree(credential).path("evidence").path(index).path("description");
            return description.isTextual() && !description.asText().isBlank() ? description.asText() : null;
        } catch (IOException e) {
            return null;
        }
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
