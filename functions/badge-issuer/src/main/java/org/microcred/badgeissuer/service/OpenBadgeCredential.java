package org.microcred.badgeissuer.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.microcred.badgeissuer.model.AwardSources;
import org.microcred.badgeissuer.model.Issuer;
import org.microcred.badgeissuer.model.MicroCredential.Criterion;
import org.microcred.badgeissuer.model.MicroCredential.Level;
import org.microcred.badgeissuer.model.MicroCredential;
import org.microcred.records.badges.Badge.CriterionResult;
import org.microcred.records.badges.Badge.EvidenceRef;
import org.microcred.records.badges.BadgeUrls;

/**
 * Builds the Open Badges 3.0 {@code OpenBadgeCredential} (a W3C VC 2.0 credential) for an award.
 * The learner is identified by a name-based {@code urn:uuid} and a salted hash of their email,
 * so no email address appears in the public credential.
 */
final class OpenBadgeCredential {
    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** Defines 1EdTechRevocationList and 1EdTechJsonSchemaValidator2019, which OB 3.0.3 does not. */
    static final String OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    static final String SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    private final BadgeUrls urls;

    OpenBadgeCredential(BadgeUrls urls) {
        this.urls = urls;
    }

    /** The stable subject id of a learner: the same in every badge they earn, but not their email. */
    static String subjectId(String learnerId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("microcred-learner|" + learnerId).getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> build(String badgeId, AwardSources sources, List<EvidenceRef> evidence,
                              List<CriterionResult> results, String validFrom, String salt) {
        MicroCredential mc = sources.microCredential();
        String achievementId = urls.achievement(mc.id(), mc.version());
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT));
        credential.put("id", urls.badge(badgeId));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", mc.title());
        credential.put("issuer", issuer(sources));
        credential.put("validFrom", validFrom);
        credential.put("awardedDate", sources.award().decidedAt());
        credential.put("credentialSubject", subject(sources, achievement(badgeId, achievementId, mc), results,
                evidence, salt, achievementId));
        credential.put("evidence", evidence(evidence));
        credential.put("credentialStatus", Map.of("id", urls.revocation(sources.issuer().organizationId(), badgeId),
                "type", "1EdTechRevocationList"));
        credential.put("credentialSchema", List.of(Map.of("id", SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    private Map<String, Object> issuer(AwardSources sources) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", urls.issuer(sources.issuer().organizationId()));
        profile.put("type", List.of("Profile"));
        profile.put("name", sources.issuer().name());
        Issuer issuer = sources.issuer();
        // The organisation's own website when it gave one; else its issuer page here.
        profile.put("url", issuer.websiteUrl() != null ? issuer.websiteUrl() : urls.issuer(issuer.organizationId()));
        if (issuer.email() != null) {
            profile.put("email", issuer.email());
        }
        if (issuer.description() != null) {
            profile.put("description", issuer.description());
        }
        if (issuer.imageUrl() != null) {
            profile.put("image", Map.of("id", issuer.imageUrl(), "type", "Image"));
        }
        return profile;
    }

    private static Map<String, Object> subject(AwardSources sources, Map<String, Object> achievement,
                                               List<CriterionResult> results, List<EvidenceRef> evidence,
                                               String salt, String achievementId) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId(sources.enrollment().learnerId()));
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(
                identity("name", sources.enrollment().learnerName(), false, null),
                identity("emailAddress", BadgeIds.recipientHash(sources.enrollment().learnerEmail(), salt), true,
                        salt)));
        subject.put("achievement", achievement);
        List<Map<String, Object>> result = new ArrayList<>();
        for (CriterionResult entry : results) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", List.of("Result"));
            one.put("resultDescription", criterionId(achievementId, entry.criterionId()));
            one.put("achievedLevel", levelId(achievementId, entry.criterionId(), entry.levelId()));
            one.put("status", "Completed");
            result.add(one);
        }
        subject.put("result", result);
        MicroCredential mc = sources.microCredential();
        if (mc.creditHours() != null) {
            subject.put("creditsEarned", mc.creditHours());
        }
        return subject;
    }

    private static Map<String, Object> identity(String type, String value, boolean hashed, String salt) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", value);
        identity.put("identityType", type);
        identity.put("hashed", hashed);
        if (salt != null) {
            identity.put("salt", salt);
        }
        return identity;
    }

    private Map<String, Object> achievement(String badgeId, String achievementId, MicroCredential mc) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementId);
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Competency");
        achievement.put("name", mc.title());
        achievement.put("description", description(mc));
        achievement.put("criteria", Map.of("narrative", CriteriaNarrative.of(mc)));
        achievement.put("image", Map.of("id", urls.png(badgeId), "type", "Image"));
        if (mc.creditHours() != null) {
            achievement.put("creditsAvailable", mc.creditHours());
        }
        List<Map<String, Object>> descriptions = new ArrayList<>();
        for (Criterion criterion : mc.rubric()) {
            descriptions.add(resultDescription(achievementId, criterion));
        }
        achievement.put("resultDescription", descriptions);
        return achievement;
    }

    private static String description(MicroCredential mc) {
        if (mc.description() != null && !mc.description().isBlank()) {
            return mc.description();
        }
        return mc.summary() != null && !mc.summary().isBlank() ? mc.summary() : mc.title();
    }

    private static Map<String, Object> resultDescription(String achievementId, Criterion criterion) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", criterionId(achievementId, criterion.id()));
        description.put("type", List.of("ResultDescription"));
        description.put("name", criterion.criterion());
        description.put("resultType", "RubricCriterionLevel");
        criterion.passingLevel().ifPresent(level ->
                description.put("requiredLevel", levelId(achievementId, criterion.id(), level.id())));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level level : criterion.levels()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", levelId(achievementId, criterion.id(), level.id()));
            one.put("type", List.of("RubricCriterionLevel"));
            one.put("name", level.name());
            if (level.description() != null && !level.description().isBlank()) {
                one.put("description", level.description());
            }
            levels.add(one);
        }
        description.put("rubricCriterionLevel", levels);
        return description;
    }

    /**
     * Public: named by the requirement it answers and its kind, never by a file name, a link or
     * the written text, which stay private to the learner and the reviewing coach.
     */
    private static List<Map<String, Object>> evidence(List<EvidenceRef> evidence) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EvidenceRef entry : evidence) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", List.of("Evidence"));
            one.put("name", entry.name());
            one.put("genre", switch (entry.kind()) {
                case "file" -> "File";
                case "link" -> "Link";
                default -> "Written response";
            });
            one.put("narrative", "Submitted as evidence for \"" + entry.requirement() + "\". The evidence itself is "
                    + "private to the learner and the reviewing coach.");
            list.add(one);
        }
        return list;
    }

    private static String criterionId(String achievementId, String criterionId) {
        return achievementId + "#criterion-" + criterionId;
    }

    private static String levelId(String achievementId, String criterionId, String levelId) {
        return criterionId(achievementId, criterionId) + "-level-" + levelId;
    }
}
