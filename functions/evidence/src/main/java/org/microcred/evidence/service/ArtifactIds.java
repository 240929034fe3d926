package org.microcred.evidence.service;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.microcred.records.learning.evidence.EvidenceFiles;

/** Random, unguessable artifact ids; storage keys are made of ids like these and nothing else. */
public final class ArtifactIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ARTIFACT = Pattern.compile("art-[a-z0-9]{20}");
    private static final String UPLOAD_PREFIX = "evidence/";

    private ArtifactIds() {
    }

    public static String newArtifactId() {
        StringBuilder id = new StringBuilder("art-");
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean isArtifactId(String id) {
        return id != null && ARTIFACT.matcher(id).matches();
    }

    /**
     * {@code evidence/<orgId>/<enrollmentId>/<attempt>/<artifactId>}: where a learner's single PUT
     * goes. Ids only, inside the policy's prefix.
     */
    public static String objectKey(String organizationId, String enrollmentId, int attempt, String artifactId) {
        return UPLOAD_PREFIX + path(organizationId, enrollmentId, attempt, artifactId);
    }

    /**
     * {@code sealed/<orgId>/<enrollmentId>/<attempt>/<artifactId>}: the copy of a confirmed file that
     * is served. No PUT URL is ever signed for this prefix, so only the function writes here.
     */
    public static String sealedKey(String organizationId, String enrollmentId, int attempt, String artifactId) {
        return EvidenceFiles.SEALED_PREFIX + path(organizationId, enrollmentId, attempt, artifactId);
    }

    private static String path(String organizationId, String enrollmentId, int attempt, String artifactId) {
        return organizationId + "/" + enrollmentId + "/" + attempt + "/" + artifactId;
    }
}
