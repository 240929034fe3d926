package org.microcred.badgeissuer.model;

import java.util.List;

/**
 * An issued badge as stored in the badges table (see "BadgesTable" in docs/data-model.md).
 *
 * @param credentialJson the credential (the JWT payload's credential members), unsigned, for display
 * @param keyId          the bare key id (RFC 7638 thumbprint) of the signing key
 * @param recipientHash  OB 2.0 style {@code sha256$<hex>} of the lower-cased email plus the salt
 * @param credentialWithProof the credential with an embedded eddsa-rdfc-2022 DataIntegrityProof
 * @param proofKeyMultibase   the Multikey that made that proof
 */
public record Badge(String badgeId, AwardSources sources, String issuedAt, String validFrom, String validUntil,
                    String credentialJwt, String credentialJson, String keyId, String achievementId,
                    List<EvidenceEntry> evidence, List<ResultEntry> results, String recipientSalt,
                    String recipientHash, String credentialWithProof, String proofKeyMultibase) {
    public Badge {
        evidence = List.copyOf(evidence);
        results = List.copyOf(results);
    }

    /**
     * One artifact. {@code name} is public (the requirement's title); {@code fileName} (files) and
     * {@code url} (links) are private: only the learner's own "my badges" shows them.
     */
    public record EvidenceEntry(String artifactId, String requirementId, String requirement, String kind,
                                String name, String fileName, String url) {
    }

    /** The level achieved on one rubric criterion. */
    public record ResultEntry(String criterionId, String criterion, String levelId, String level, boolean passed) {
    }
}
