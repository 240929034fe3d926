package org.microcred.badges.service;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.records.badges.IssuerKey;
import org.microcred.records.badges.IssuerRecords;

/**
 * Checks a badge live, every time it is asked: the VC-JWT's ES256 signature against the
 * issuer's published key named by the JWT's {@code kid}, that the signed credential is this
 * badge, that it has not been revoked and that it is inside its validity period.
 */
public class Verifier {
    private final IssuerRecords issuers;
    private final BadgeUrls urls;
    private final Clock clock;

    public Verifier(IssuerRecords issuers, BadgeUrls urls, Clock clock) {
        this.issuers = issuers;
        this.urls = urls;
        this.clock = clock;
    }

    public Verification verify(Badge badge) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Verification.Check> checks = new ArrayList<>();
        SignedCredential jwt = SignedCredential.parse(badge.credentialJwt()).orElse(null);
        Optional<ECPublicKey> key = jwt == null ? Optional.empty() : issuerKey(badge, jwt, checks);
        if (jwt == null) {
            checks.add(new Verification.Check(Verification.ISSUER_KEY, false,
                    "The stored credential is not a compact JWS, so no signing key can be found."));
        }
        checks.add(0, signature(badge, jwt, key));
        checks.add(revocation(badge));
        checks.add(expiry(badge, jwt, now));
        boolean valid = checks.stream().allMatch(Verification.Check::passed);
        return new Verification(badge.badgeId(), urls.badge(badge.badgeId()), checks, valid, now.toString());
    }

    private Optional<ECPublicKey> issuerKey(Badge badge, SignedCredential jwt, List<Verification.Check> checks) {
        String kid = jwt.keyId();
        String jwks = urls.jwks(badge.organizationId());
        if (kid == null || kid.isBlank()) {
            checks.add(new Verification.Check(Verification.ISSUER_KEY, false,
                    "The credential does not name its signing key (no kid in the JWT header)."));
            return Optional.empty();
        }
        String thumbprint = thumbprint(kid, badge.organizationId());
        if (thumbprint == null) {
            checks.add(new Verification.Check(Verification.ISSUER_KEY, false, "The credential names the key " + kid
                    + ", which is not one of its issuer's (" + urls.key(badge.organizationId(), "...") + ")."));
            return Optional.empty();
        }
        Optional<IssuerKey> stored = thumbprint.isEmpty() || thumbprint.length() > 128 ? Optional.empty()
                : issuers.key(badge.organizationId(), thumbprint);
        if (stored.isEmpty()) {
            checks.add(new Verification.Check(Verification.ISSUER_KEY, false, "The signing key " + thumbprint
                    + " is not among the issuer's published keys (" + jwks + ")."));
            return Optional.empty();
        }
        try {
            Optional<ECPublicKey> key = SignedCredential.publicP256(stored.get().jwk());
            if (key.isEmpty()) {
                checks.add(new Verification.Check(Verification.ISSUER_KEY, false,
                        "The published key " + thumbprint + " is not a public P-256 key."));
                return Optional.empty();
            }
            checks.add(new Verification.Check(Verification.ISSUER_KEY, true, "The signing key " + thumbprint
                    + " is one of " + badge.organizationName() + "'s published keys (" + jwks + ")."));
            return key;
        } catch (IllegalArgumentException e) {
            checks.add(new Verification.Check(Verification.ISSUER_KEY, false,
                    "The published key " + thumbprint + " is not a valid JWK."));
            return Optional.empty();
        }
    }

    /**
     * The thumbprint a kid names: {@code <issuer>/keys/<thumbprint>} (the issuer's form), or as
     * badges issued before issue 13 name it, {@code <issuer>/jwks#<thumbprint>}, or bare (the VC
     * 1.1 mapping). Null for a key published anywhere else.
     */
    private String thumbprint(String kid, String organizationId) {
        String keys = urls.key(organizationId, "");
        String legacy = urls.jwks(organizationId) + "#";
        if (kid.startsWith(keys)) {
            return kid.substring(keys.length());
        }
        if (kid.startsWith(legacy)) {
            return kid.substring(legacy.length());
        }
        return kid.contains("/") || kid.contains("#") || kid.contains(":") ? null : kid;
    }

    private Verification.Check signature(Badge badge, SignedCredential jwt, Optional<ECPublicKey> key) {
        if (jwt == null) {
            return new Verification.Check(Verification.SIGNATURE, false, "The credential is not a signed JWT.");
        }
        if (!"ES256".equals(jwt.algorithm())) {
            return new Verification.Check(Verification.SIGNATURE, false,
                    "The credential is signed with " + jwt.algorithm() + "; only ES256 is accepted.");
        }
        if (key.isEmpty()) {
            return new Verification.Check(Verification.SIGNATURE, false,
                    "The signature cannot be checked without the issuer's published key.");
        }
        try {
            if (!jwt.verifiedBy(key.get())) {
                return new Verification.Check(Verification.SIGNATURE, false,
                        "The signature does not match the credential: it was changed after the issuer signed it.");
            }
            if (!urls.badge(badge.badgeId()).equals(jwt.credentialId())) {
                return new Verification.Check(Verification.SIGNATURE, false,
                        "The signature is valid but the signed credential belongs to another badge.");
            }
            return new Verification.Check(Verification.SIGNATURE, true,
                    "ES256 signature of the issuer over this credential is valid.");
        } catch (GeneralSecurityException e) {
            return new Verification.Check(Verification.SIGNATURE, false,
                    "The signature could not be checked: " + e.getMessage());
        }
    }

    private static Verification.Check revocation(Badge badge) {
        if (badge.revoked()) {
            return new Verification.Check(Verification.REVOCATION, false, "Revoked by the issuer on "
                    + badge.revokedAt() + ": " + badge.revocationReason());
        }
        return new Verification.Check(Verification.REVOCATION, true, "Not revoked (checked with the issuer just now).");
    }

    private static Verification.Check expiry(Badge badge, SignedCredential jwt, Instant now) {
        Instant until = instant(badge.validUntil());
        Instant from = instant(badge.validFrom());
        try {
            Instant exp = jwt == null ? null : jwt.date("exp").orElse(null);
            Instant nbf = jwt == null ? null : jwt.date("nbf").orElse(null);
            if (exp != null && (until == null || exp.isBefore(until))) {
                until = exp;
            }
            if (nbf != null && (from == null || nbf.isAfter(from))) {
                from = nbf;
            }
        } catch (IllegalStateException e) {
            return new Verification.Check(Verification.EXPIRY, false, "The credential's dates cannot be read.");
        }
        if (until != null && !now.isBefore(until)) {
            return new Verification.Check(Verification.EXPIRY, false, "Expired on " + until + ".");
        }
        if (from != null && now.isBefore(from)) {
            return new Verification.Check(Verification.EXPIRY, false, "Not valid before " + from + ".");
        }
        return new Verification.Check(Verification.EXPIRY, true,
                until == null ? "Does not expire." : "Valid until " + until + ".");
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
