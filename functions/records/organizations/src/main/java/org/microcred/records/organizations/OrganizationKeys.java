package org.microcred.records.organizations;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The OrganizationsTable's keys, written once (docs/data-model.md, "OrganizationsTable"): one
 * partition per organisation ({@code ORG#<orgId>}) holding its profile, members, coaches, coach
 * pools and roster imports; platform administrators under {@code PLATFORM}; the per-row results
 * of a roster import in their own partition so an import's thousands of rows never crowd an
 * organisation's item collection.
 */
public final class OrganizationKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String PROFILE = "PROFILE";
    public static final String MEMBER_PREFIX = "MEMBER#";
    public static final String COACH_PREFIX = "COACH#";
    public static final String POOL_PREFIX = "POOL#";
    public static final String IMPORT_PREFIX = "IMPORT#";
    public static final String PLATFORM = "PLATFORM";
    public static final String ADMIN_PREFIX = "ADMIN#";
    /** The assessor pathway (docs/data-model.md, "Assessor pathway"): one entry per educator and micro-credential. */
    public static final String ASSESSOR_PREFIX = "ASSESSOR#";
    /** A micro-credential's calibration set. */
    public static final String CALIBRATION_PREFIX = "CALIBRATION#";
    /** One calibration score of an assessor: {@code CALSCORE#<userId>#<mcId>#<itemId>}. */
    public static final String CALIBRATION_SCORE_PREFIX = "CALSCORE#";
    /** Index of member and platform-administrator entries by lower-cased email. */
    public static final String BY_EMAIL = "ByEmail";
    /** Index of every item by sort key: {@code sk = PROFILE} lists the organisations. */
    public static final String BY_SORT_KEY = "BySortKey";

    private OrganizationKeys() {
    }

    public static String partition(String organizationId) {
        return "ORG#" + organizationId;
    }

    public static String organizationOf(String partition) {
        return partition.substring("ORG#".length());
    }

    /**
     * Whether a stream image's keys are a roster import's own item ({@code ORG#<org> / IMPORT#<id>}),
     * not its per-chunk results (whose partition continues after the organisation id).
     */
    public static boolean isRosterImport(String pk, String sk) {
        return pk != null && sk != null && pk.startsWith("ORG#") && pk.indexOf('#', "ORG#".length()) < 0
                && sk.startsWith(IMPORT_PREFIX);
    }

    public static Map<String, AttributeValue> profile(String organizationId) {
        return key(partition(organizationId), PROFILE);
    }

    public static Map<String, AttributeValue> member(String organizationId, String userId) {
        return key(partition(organizationId), MEMBER_PREFIX + userId);
    }

    public static Map<String, AttributeValue> coach(String organizationId, String userId) {
        return key(partition(organizationId), COACH_PREFIX + userId);
    }

    public static Map<String, AttributeValue> pool(String organizationId, String microCredentialId) {
        return key(partition(organizationId), POOL_PREFIX + microCredentialId);
    }

    public static Map<String, AttributeValue> rosterImport(String organizationId, String importId) {
        return key(partition(organizationId), IMPORT_PREFIX + importId);
    }

    public static String importResultsPartition(String organizationId, String importId) {
        return partition(organizationId) + "#" + IMPORT_PREFIX + importId;
    }

    public static Map<String, AttributeValue> importResults(String organizationId, String importId, int chunk) {
        return key(importResultsPartition(organizationId, importId), String.format("RESULTS#%05d", chunk));
    }

    public static Map<String, AttributeValue> assessor(String organizationId, String userId, String microCredentialId) {
        return key(partition(organizationId), ASSESSOR_PREFIX + userId + "#" + microCredentialId);
    }

    /** The sort-key prefix of one educator's assessor entries. */
    public static String assessorsOf(String userId) {
        return ASSESSOR_PREFIX + userId + "#";
    }

    public static Map<String, AttributeValue> calibrationSet(String organizationId, String microCredentialId) {
        return key(partition(organizationId), CALIBRATION_PREFIX + microCredentialId);
    }

    /** The sort-key prefix of an assessor's calibration scores for one micro-credential. */
    public static String calibrationScoresOf(String userId, String microCredentialId) {
        return CALIBRATION_SCORE_PREFIX + userId + "#" + microCredentialId + "#";
    }

    public static Map<String, AttributeValue> calibrationScore(String organizationId, String userId,
                                                               String microCredentialId, String itemId) {
        return key(partition(organizationId), calibrationScoresOf(userId, microCredentialId) + itemId);
    }

    public static Map<String, AttributeValue> platformAdministrator(String userId) {
        return key(PLATFORM, ADMIN_PREFIX + userId);
    }

    /**
     * The attribute that counts a coach's open enrolments of one micro-credential, beside
     * {@code openEnrollments} (all of them): what a pool's per-coach capacity is checked against.
     */
    public static String openForMicroCredential(String microCredentialId) {
        return "open#" + microCredentialId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
