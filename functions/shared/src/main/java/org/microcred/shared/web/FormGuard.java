package org.microcred.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.microcred.shared.crypto.Hmac;

/**
 * Anti-forgery for a form behind a link token: each rendering carries a random nonce and
 * HMAC(key, purpose | token | nonce), so only a page this function rendered for this very link
 * can post the form. The purpose keeps one form's fields from being replayed on another form.
 */
public final class FormGuard {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final String purpose;

    public FormGuard(byte[] key, String purpose) {
        this.key = key.clone();
        this.purpose = purpose;
    }

    /** The hidden fields of one rendering of the form. */
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
        // constant time, so the MAC cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(mac(token, nonce).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String token, String nonce) {
        return ENCODER.encodeToString(Hmac.sign(key, purpose + "|" + token + "|" + nonce));
    }
}
