package org.microcred.badgeissuer.model;

import java.util.List;
import org.microcred.records.badges.Badge.CriterionResult;
import org.microcred.records.badges.Badge.EvidenceRef;

/**
 * A badge as issuance builds it: what it was awarded on ({@code sources}) and the signed
 * credential. {@link #stored()} is what BadgesTable keeps of it (see "BadgesTable" in
 * docs/data-model.md).
 *
 * @param credentialJson the credential (the JWT payload's credential members), unsigned, for display
 * @param keyId          the bare key id (RFC 7638 thumbprint) of the signing key
 * @param evidence       one entry per artifact: {@code name} is public (the requirement's title);
 *                       {@code fileName} (files) and {@code url} (links) are private, only the
 *                       learner's own "my badges" shows them
 * @param results        the level achieved on each rubric criterion
 * @param recipientHash  OB 2.0 style {@code sha256$<hex>} of the lower-cased email plus the salt
 * @param credentialWithProof the credential with an embedded eddsa-rdfc-2022 DataIntegrityProof
 * @param proofKeyMultibase   the Multikey that made that proof
 */
public record Badge(String badgeId, AwardSources sources, String issuedAt, String validFrom, String validUntil,
                    String credentialJwt, String credentialJson, String keyId, String achievementId,
                    List<EvidenceRef> evidence, List<CriterionResult> results, String recipientSalt,
                    String recipientHash, String credentialWithProof, String proofKeyMultibase) {
    public Badge {
        evidence = List.copyOf(evidence);
        results = List.copyOf(results);
    }

    /**
     * The badge as BadgesTable keeps it: active, and without the unsigned credential (it is
     * {@code credentialWithProof} without its proof).
     */
    public org.microcred.records.badges.Badge stored() {
        Enrollment enrollment = sources.enrollment();
        MicroCredential microCredential = sources.microCredential();
        return new org.microcred.records.badges.Badge(badgeId, enrollment.enrollmentId(),
                sources.award().submissionId(), sources.award().attempt(), enrollment.learnerId(),
                enrollment.learnerName(), enrollment.learnerEmail(), sources.issuer().organizationId(),
                sources.issuer().name(), microCredential.id(), microCredential.version(), microCredential.title(),
                issuedAt, validFrom, validUntil, credentialJwt, null, keyId, achievementId, evidence, results,
                microCredential.creditHours(), recipientSalt, recipientHash,
                org.microcred.records.badges.Badge.ACTIVE, null, null, null, credentialWithProof, proofKeyMultibase);
    }
}
