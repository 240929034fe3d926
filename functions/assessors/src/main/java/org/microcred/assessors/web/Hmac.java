package org.microcred.assessors.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and purpose-bound keys derived from the review-link secret. */
final class Hmac {
    private Hmac() {
    }

    static byte[] sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A key for one purpose only: HMAC(secret, label). Tokens signed with it never verify under
     * the raw secret (review links) or under a key derived for another label, and vice versa.
     */
    static byte[] derive(byte[] secret, String label) {
        return sign(secret, "microcred key derivation|" + label);
    }
}
