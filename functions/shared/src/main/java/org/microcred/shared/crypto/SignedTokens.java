package org.microcred.shared.crypto;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.microcred.shared.json.Json;

/**
 * The signing and checking behind the expiring tokens in emailed links (review links, assessor
 * invitations): {@code base64url(json claims) "." base64url(HMAC-SHA256(key, base64url(json)))}.
 * Each kind of link has its own claims type and passes its own key; a kind that shares a secret
 * with another must derive a key for its purpose ({@link Hmac#derive}) and name that purpose in
 * its claims, so one kind's token never opens the other's page.
 *
 * @param <C> the claims of one kind of link
 */
public final class SignedTokens<C extends SignedTokens.Claims> {
    /** Longer than any token we issue: refuse before decoding or signing attacker-sized input. */
    private static final int MAX_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token says, as a record serialised to JSON. */
    public interface Claims {
        /** When the token stops granting anything, in epoch seconds. */
        long exp();

        /** False for claims this kind of link cannot use (a missing id, another purpose): treated as forged. */
        boolean complete();
    }

    private final byte[] key;
    private final Class<C> type;

    public SignedTokens(byte[] key, Class<C> type) {
        this.key = key.clone();
        this.type = type;
    }

    public String sign(C claims) {
        String payload = ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(Hmac.sign(key, payload));
    }

    /** The claims of a genuine, complete token that has not expired; empty for anything else. */
    public Optional<C> verify(String token, Instant now) {
        return genuine(token).filter(claims -> claims.exp() > now.getEpochSecond());
    }

    /**
     * True only for a genuine token whose time is up: the one case where a page can honestly say
     * "expired" (a forged or altered token learns nothing).
     */
    public boolean isExpired(String token, Instant now) {
        return genuine(token).filter(claims -> claims.exp() <= now.getEpochSecond()).isPresent();
    }

    /** The claims of a complete token this key signed, expired or not. */
    private Optional<C> genuine(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            // constant time, so a signature cannot be guessed byte by byte from response times
            if (!MessageDigest.isEqual(signature, Hmac.sign(key, payload))) {
                return Optional.empty();
            }
            C claims = Json.read(new String(DECODER.decode(payload), StandardCharsets.UTF_8), type);
            return claims != null && claims.complete() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
