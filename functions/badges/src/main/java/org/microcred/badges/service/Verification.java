package org.microcred.badges.service;

import java.util.List;

/** The live checks of one badge, as {@code GET /badges/{id}/verify} returns them. */
public record Verification(String badgeId, String credentialId, List<Check> checks, boolean valid, String checkedAt) {
    public static final String SIGNATURE = "signature";
    public static final String ISSUER_KEY = "issuer key";
    public static final String REVOCATION = "revocation";
    public static final String EXPIRY = "expiry";

    public Verification {
        checks = List.copyOf(checks);
    }

    /** One check: what was checked, whether it passed, and why, in words a person reads on the page. */
    public record Check(String check, boolean passed, String detail) {
    }

    public Check check(String name) {
        return checks.stream().filter(check -> check.check().equals(name)).findFirst().orElseThrow();
    }
}
