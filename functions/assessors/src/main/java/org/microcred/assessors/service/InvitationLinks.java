package org.microcred.assessors.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.microcred.shared.crypto.Hmac;
import org.microcred.shared.crypto.SignedTokens;

/**
 * The signed, expiring token in an assessor invitation email:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(k, base64url(payload)))} with payload
 * {@code {"purpose": "assessor-invitation", "org", "mc", "user", "rev", "exp"}} and
 * k = HMAC(review-link secret, "...|assessor-invitation-link"), signed and checked by
 * {@link SignedTokens}. Because k is derived for this purpose alone, a review-link token never
 * passes here and an invitation token never opens a review page, even though both come from
 * the same secret.
 */
public class InvitationLinks {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    static final String PURPOSE = "assessor-invitation";

    private final SignedTokens<Payload> tokens;
    private final Duration validity;

    public InvitationLinks(byte[] secret, Duration validity) {
        if (secret.length < 32) {
            throw new IllegalStateException("The link key must have at least 32 bytes");
        }
        this.tokens = new SignedTokens<>(Hmac.derive(secret, "assessor-invitation-link"), Payload.class);
        this.validity = validity;
    }

    /** What a genuine token names. */
    public record Grant(String organizationId, String microCredentialId, String userId, int revision,
                        long expiresAtEpochSecond) {
    }

    public Duration validity() {
        return validity;
    }

    public String issue(String organizationId, String microCredentialId, String userId, int revision, Instant expires) {
        return tokens.sign(new Payload(PURPOSE, organizationId, microCredentialId, userId, revision,
                expires.getEpochSecond()));
    }

    /** The grant of a genuine, unexpired token; empty for anything else. */
    public Optional<Grant> verify(String token, Instant now) {
        return tokens.verify(token, now)
                .map(claims -> new Grant(claims.org(), claims.mc(), claims.user(), claims.rev(), claims.exp()));
    }

    /** True only for a genuine token whose time is up (a forged one learns nothing). */
    public boolean isExpired(String token, Instant now) {
        return tokens.isExpired(token, now);
    }

    private record Payload(@JsonProperty("purpose") String purpose, String org, String mc, String user, int rev,
                           long exp) implements SignedTokens.Claims {
        /** The purpose check backs up the derived key: a token of another kind is never an invitation. */
        @Override
        public boolean complete() {
            return PURPOSE.equals(purpose) && org != null && mc != null && user != null;
        }
    }
}
