package org.microcred.assessors.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Anti-forgery for the accept form: each rendering carries a random nonce and
 * HMAC(k, "assessor-accept" | token | nonce) with a key derived for this form alone, so only a
 * page this function rendered for this very link can accept the invitation.
 */
public final class AcceptGuard {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public AcceptGuard(byte[] secret) {
        this.key = Hmac.derive(secret, "assessor-accept-form");
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
        return ENCODER.encodeToString(Hmac.sign(key, "assessor-accept|" + token + "|" + nonce));
    }
}
