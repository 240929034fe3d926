package org.microcred.assessors.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.microcred.shared.crypto.Hmac;
import org.microcred.shared.json.Json;

/**
 * The signed, expiring token in an assessor invitation email:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(k, base64url(payload)))} with payload
 * {@code {"purpose": "assessor-invitation", "org", "mc", "user", "rev", "exp"}} and
 * k = HMAC(review-link secret, "...|assessor-invitation-link"). Because k is derived for this
 * purpose alone, a review-link token never passes here and an invitation token never opens a
 * review page, even though both come from the same secret.
 */
public class InvitationLinks {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    static final String PURPOSE = "assessor-invitation";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration validity;

    public InvitationLinks(byte[] secret, Duration validity) {
        if (secret.length < 32) {
            throw new IllegalStateException("The link key must have at least 32 bytes");
        }
        this.key = Hmac.derive(secret, "assessor-invitation-link");
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
        String payload = ENCODER.encodeToString(Json.write(new Payload(PURPOSE, organizationId, microCredentialId, userId,
                revision, expires.getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(Hmac.sign(key, payload));
    }

    /** The grant of a genuine, unexpired token; empty for anything else. */
    public Optional<Grant> verify(String token, Instant now) {
        return signed(token).filter(grant -> grant.expiresAtEpochSecond() > now.getEpochSecond());
    }

    /** True only for a genuine token whose time is up (a forged one learns nothing). */
    public boolean isExpired(String token, Instant now) {
        return signed(token).filter(grant -> grant.expiresAtEpochSecond() <= now.getEpochSecond()).isPresent();
    }

    private Optional<Grant> signed(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 2048) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, Hmac.sign(key, payload))) {
                return Optional.empty();
            }
            Payload claims = Json.MAPPER.readValue(DECODER.decode(payload), Payload.class);
            if (!PURPOSE.equals(claims.purpose()) || claims.org() == null || claims.mc() == null || claims.user() == null) {
                return Optional.empty();
            }
            return Optional.of(new Grant(claims.org(), claims.mc(), claims.user(), claims.rev(), claims.exp()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private record Payload(@JsonProperty("purpose") String purpose, String org, String mc, String user, int rev,
                           long exp) {
    }
}
