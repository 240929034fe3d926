package org.microcred.badges.service;

import java.util.List;

/** The live checks of one badge, as {@code GET /badges/{id}/verify} returns them. */
public record Verification(String badgeId, String credentialId, List<Check> checks, boolean valid, String checkedAt) {
    public static final String SIGNATURE = "signature";
    public static final String EMBEDDED_PROOF = "embedded proof";
    public static final String ISSUER_KEY = "issuer key";
    public static final String REVOCATION = "revocation";
    public static final String EXPIRY = "expiry";
    /**
     * Every check, in the order the JSON and the page list them; the OpenAPI {@code BadgeCheck}
     * enum names the same. A badge issued before embedded proofs has no {@code embedded proof}.
     */
    public static final List<String> CHECKS = List.of(SIGNATURE, EMBEDDED_PROOF, ISSUER_KEY, REVOCATION, EXPIRY);

    public Verification {
        checks = checks.stream().sorted(java.util.Comparator.comparingInt(check -> CHECKS.indexOf(check.check())))
                .toList();
    }

    /** One check: what was checked, whether it passed, and why, in words a person reads on the page. */
    public record Check(String check, boolean passed, String detail) {
    }

    public Check check(String name) {
        return checks.stream().filter(check -> check.check().equals(name)).findFirst().orElseThrow();
    }
}
