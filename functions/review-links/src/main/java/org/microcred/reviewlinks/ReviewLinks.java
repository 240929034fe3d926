package org.microcred.reviewlinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.microcred.shared.crypto.SignedTokens;

/**
 * The signed, expiring token in a coach's review link: scoped to one submission and one coach.
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))}, payload
 * {@code {"sub": submissionId, "coach": coachId, "exp": epochSeconds}}, signed and checked by
 * {@link SignedTokens}. It lives in the enrolment module because three functions issue or verify
 * it: evidence (on submit), review (the page, reminders) and enrolment (reassigning a waiting
 * review), and evidence and review already depend on enrolment.
 */
public class ReviewLinks {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

    private final SignedTokens<Payload> tokens;
    private final Duration validity;

    public ReviewLinks(byte[] key, Duration validity) {
        if (key.length < 32) {
            throw new IllegalStateException("The review-link key must have at least 32 bytes");
        }
        this.tokens = new SignedTokens<>(key, Payload.class);
        this.validity = validity;
    }

    /** What a valid token grants. */
    public record Grant(String submissionId, String coachId, long expiresAtEpochSecond) {
    }

    public String issue(String submissionId, String coachId, Instant now) {
        return tokens.sign(new Payload(submissionId, coachId, now.plus(validity).getEpochSecond()));
    }

    /** The grant of a token this key signed that has not expired; empty for anything else. */
    public Optional<Grant> verify(String token, Instant now) {
        return tokens.verify(token, now).map(claims -> new Grant(claims.sub(), claims.coach(), claims.exp()));
    }

    /**
     * True only for a token this key signed whose time is up: the one case where the page can
     * honestly say "expired" (a forged or altered token learns nothing).
     */
    public boolean isExpired(String token, Instant now) {
        return tokens.isExpired(token, now);
    }

    /**
     * The claims. They name no purpose: review links are signed with the raw secret, and every
     * other kind of token signed from that secret uses a key derived for its own purpose.
     */
    private record Payload(String sub, String coach, long exp) implements SignedTokens.Claims {
        @Override
        public boolean complete() {
            return sub != null && coach != null;
        }
    }
}
