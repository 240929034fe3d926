package org.microcred.review.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery for the review form: each rendering carries a random nonce and
 * HMAC(key, "review-form" | token | nonce), so only a page this function rendered for this very
 * link can post a decision.
 */
public final class FormGuard {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public FormGuard(byte[] key) {
        this.key = key.clone();
    }

    public record Fields(String nonce, String mac) {
    }

    public Fields issue(String token) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String encoded = ENCODER.encodeToString(nonce);
        return new Fields(encoded, mac(token, encoded));
    }

    public boolean verify(String token, String nonce, String mac) {
        if (nonce == null || mac == null || nonce.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(mac(token, nonce).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String token, String nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(hmac.doFinal(("review-form|" + token + "|" + nonce)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
