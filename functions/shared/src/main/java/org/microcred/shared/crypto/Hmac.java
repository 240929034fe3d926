package org.microcred.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and purpose-bound keys derived from one secret (the review-link secret). */
public final class Hmac {
    private Hmac() {
    }

    public static byte[] sign(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every JRE, so this is a broken runtime, not a bad request
            throw new IllegalStateException(e);
        }
    }

    /**
     * A key for one purpose only: HMAC(secret, label). Tokens signed with it never verify under
     * the raw secret (review links) or under a key derived for another label, and vice versa.
     */
    public static byte[] derive(byte[] secret, String label) {
        return sign(secret, "microcred key derivation|" + label);
    }
}
