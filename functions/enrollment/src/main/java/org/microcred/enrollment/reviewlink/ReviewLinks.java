package org.microcred.enrollment.reviewlink;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.microcred.shared.json.Json;

/**
 * The signed, expiring token in a coach's review link: scoped to one submission and one coach.
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))}, payload
 * {@code {"sub": submissionId, "coach": coachId, "exp": epochSeconds}}.
 * It lives in the enrolment module because three functions issue or verify it: evidence (on
 * submit), review (the page, reminders) and enrolment (reassigning a waiting review), and
 * evidence and review already depend on enrolment.
 */
public class ReviewLinks {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration validity;

    public ReviewLinks(byte[] key, Duration validity) {
        if (key.length < 32) {
            throw new IllegalStateException("The review-link key must have at least 32 bytes");
        }
        this.key = key.clone();
        this.validity = validity;
    }

    /** What a valid token grants. */
    public record Grant(String submissionId, String coachId, long expiresAtEpochSecond) {
    }

    public String issue(String submissionId, String coachId, Instant now) {
        String payload = ENCODER.encodeToString(Json.write(new Payload(submissionId, coachId,
                now.plus(validity).getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(hmac(payload));
    }

    /** The grant of a token this key signed that has not expired; empty for anything else. */
    public Optional<Grant> verify(String token, Instant now) {
        return signed(token).filter(grant -> grant.expiresAtEpochSecond() > now.getEpochSecond());
    }

    /**
     * True only for a token this key signed whose time is up: the one case where the page can
     * honestly say "expired" (a forged or altered token learns nothing).
     */
    public boolean isExpired(String token, Instant now) {
        return signed(token).filter(grant -> grant.expiresAtEpochSecond() <= now.getEpochSecond()).isPresent();
    }

    /** The claims of a token this key signed, expired or not. */
    private Optional<Grant> signed(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 2048) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(payload))) {
                return Optional.empty();
            }
            Payload claims = Json.MAPPER.readValue(DECODER.decode(payload), Payload.class);
            if (claims.sub() == null || claims.coach() == null) {
                return Optional.empty();
            }
            return Optional.of(new Grant(claims.sub(), claims.coach(), claims.exp()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Payload(String sub, String coach, long exp) {
    }
}
