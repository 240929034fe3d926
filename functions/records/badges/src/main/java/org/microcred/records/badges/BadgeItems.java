package org.microcred.records.badges;

import static org.microcred.records.core.Attributes.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping between a badge item ({@code BADGE#<id> / BADGE}, the BadgesTable contract in
 * docs/data-model.md) and {@link Badge}: the issuer writes with it, the badge pages read with it.
 */
final class BadgeItems {
    /** The VC-JWT and the credential with its proof, compressed together ({@link PackedCredentials}). */
    static final String CREDENTIALS = "credentials";

    private BadgeItems() {
    }

    /**
     * The item of a newly issued badge. Absent texts are stored empty (as issuance always did);
     * {@code validUntil} and {@code creditHours} only when set. No separate {@code credential}:
     * it is {@code credentialWithProof} without its proof, and each copy of the credential costs
     * every write of the badge (and its index entry) about 8 KB more. The VC-JWT and the credential
     * with its proof go into one compressed {@link #CREDENTIALS} attribute (about 20 KB as plain
     * strings), which the {@code ByLearner} index does not project.
     */
    static Map<String, AttributeValue> item(Badge badge) {
        Map<String, AttributeValue> item = new HashMap<>(BadgeKeys.badge(badge.badgeId()));
        item.put("badgeId", s(badge.badgeId()));
        item.put("enrollmentId", s(badge.enrollmentId()));
        item.put("submissionId", s(badge.submissionId()));
        item.put("attempt", AttributeValue.fromN(Integer.toString(badge.attempt())));
        item.put(BadgeKeys.LEARNER_KEY, s(BadgeKeys.learner(badge.learnerId())));
        item.put("learnerId", s(badge.learnerId()));
        item.put("learnerName", s(badge.learnerName()));
        item.put("learnerEmail", s(badge.learnerEmail()));
        item.put("organizationId", s(badge.organizationId()));
        item.put("organizationName", s(badge.organizationName()));
        item.put("microCredentialId", s(badge.microCredentialId()));
        item.put("microCredentialVersion", AttributeValue.fromN(Integer.toString(badge.microCredentialVersion())));
        item.put("title", s(badge.title()));
        item.put(BadgeKeys.ISSUED_AT, s(badge.issuedAt()));
        item.put("validFrom", s(badge.validFrom()));
        if (badge.validUntil() != null) {
            item.put("validUntil", s(badge.validUntil()));
        }
        item.put(CREDENTIALS, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(
                PackedCredentials.pack(badge.credentialJwt(), badge.credentialWithProof()))));
        item.put("keyId", s(badge.keyId()));
        item.put("achievementId", s(badge.achievementId()));
        item.put("evidence", AttributeValue.fromL(evidenceItems(badge.evidence())));
        item.put("results", AttributeValue.fromL(resultItems(badge.results())));
        if (badge.creditHours() != null) {
            item.put("creditHours", AttributeValue.fromN(BigDecimal.valueOf(badge.creditHours()).stripTrailingZeros()
                    .toPlainString()));
        }
        item.put("recipientSalt", s(badge.recipientSalt()));
        item.put("recipientHash", s(badge.recipientHash()));
        item.put("proofKeyMultibase", s(badge.proofKeyMultibase()));
        item.put("status", s(badge.status()));
        return item;
    }

    private static List<AttributeValue> evidenceItems(List<Badge.EvidenceRef> evidence) {
        List<AttributeValue> list = new ArrayList<>();
        for (Badge.EvidenceRef entry : evidence) {
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

    private static List<AttributeValue> resultItems(List<Badge.CriterionResult> results) {
        List<AttributeValue> list = new ArrayList<>();
        for (Badge.CriterionResult entry : results) {
            list.add(AttributeValue.fromM(Map.of("criterionId", s(entry.criterionId()),
                    "criterion", s(entry.criterion()), "levelId", s(entry.levelId()), "level", s(entry.level()),
                    "passed", AttributeValue.fromBool(entry.passed()))));
        }
        return list;
    }

    /** Absent texts are written empty, never left out: every issued badge item has the same attributes. */
    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value == null ? "" : value);
    }

    /**
     * The badge an item holds, in either shape: {@link #CREDENTIALS} (written since issue 16) or the
     * plain {@code credentialJwt} and {@code credentialWithProof} strings of older items. Index
     * entries carry neither, and read with both absent.
     */
    static Badge badge(Map<String, AttributeValue> item) {
        AttributeValue packed = item.get(CREDENTIALS);
        PackedCredentials.Copies copies = packed != null && packed.b() != null
                ? PackedCredentials.unpack(packed.b().asByteArrayUnsafe())
                : new PackedCredentials.Copies(s(item, "credentialJwt"), s(item, "credentialWithProof"));
        return new Badge(s(item, "badgeId"), s(item, "enrollmentId"), s(item, "submissionId"), n(item, "attempt"),
                s(item, "learnerId"), s(item, "learnerName"), s(item, "learnerEmail"), s(item, "organizationId"),
                s(item, "organizationName"), s(item, "microCredentialId"), n(item, "microCredentialVersion"),
                s(item, "title"), s(item, "issuedAt"), s(item, "validFrom"), s(item, "validUntil"),
                copies.credentialJwt(), s(item, "credential"), s(item, "keyId"), s(item, "achievementId"),
                evidence(item.get("evidence"), s(item, "credential")), results(item.get("results")),
                decimal(item, "creditHours"),
                s(item, "recipientSalt"), s(item, "recipientHash"), s(item, "status"), s(item, "revokedAt"),
                s(item, "revocationReason"), s(item, "revokedBy"), copies.credentialWithProof(),
                s(item, "proofKeyMultibase"));
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
            JsonNode description = Json.mapper().readTree(credential).path("evidence").path(index).path("description");
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

    private static String s(Map<String, AttributeValue> item, String name) {
        return text(item, name);
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
