package org.microcred.assessors.model;

/**
 * An org admin's invitation: who (by user id or email address, exactly one), for which
 * micro-credential, and the agreement the assessor must reach in calibration before live reviews.
 *
 * @param minimumKappa          Cohen's kappa required, 0..1; 0.6 when absent
 * @param minimumExactAgreement share of exactly matching levels required, 0..1; none when absent
 */
public record InviteRequest(String userId, String email, String microCredentialId, Double minimumKappa,
                            Double minimumExactAgreement) {
    public static final double DEFAULT_MINIMUM_KAPPA = 0.6;
}
