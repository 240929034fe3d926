package org.microcred.records.badges;

import java.util.List;

/**
 * An issued badge as BadgesTable holds it ({@code BADGE#<id> / BADGE}): what the issuer writes and
 * the badge pages read. {@code learnerEmail} is private: no public view may show it.
 * {@code credentialWithProof} is the credential with an embedded eddsa-rdfc-2022 proof (absent on
 * badges issued before proofs), {@code proofKeyMultibase} the Multikey that made that proof.
 * {@code credential} (the unsigned JSON) is only on badges issued before embedded proofs; it is
 * no longer written, and the revocation fields are set only by a revocation.
 */
public record Badge(String badgeId, String enrollmentId, String submissionId, int attempt, String learnerId,
                    String learnerName, String learnerEmail, String organizationId, String organizationName,
                    String microCredentialId, int microCredentialVersion, String title, String issuedAt,
                    String validFrom, String validUntil, String credentialJwt, String credential, String keyId,
                    String achievementId, List<EvidenceRef> evidence, List<CriterionResult> results,
                    Double creditHours, String recipientSalt, String recipientHash, String status, String revokedAt,
                    String revocationReason, String revokedBy, String credentialWithProof,
                    String proofKeyMultibase) {
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    public Badge {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        results = results == null ? List.of() : List.copyOf(results);
    }

    public boolean revoked() {
        return REVOKED.equals(status);
    }

    /**
     * One piece of evidence the badge was awarded on. {@code name} is public: the title of the
     * requirement it answers. {@code fileName} (files) and {@code url} (links) are private to the
     * learner and their coach, for the learner's own "my badges" only.
     */
    public record EvidenceRef(String artifactId, String requirementId, String requirement, String kind, String name,
                              String fileName, String url) {
        public static final String FILE = "file";
        public static final String LINK = "link";
        public static final String TEXT = "text";
    }

    /** The coach's score on one rubric criterion. */
    public record CriterionResult(String criterionId, String criterion, String levelId, String level, boolean passed) {
    }
}
