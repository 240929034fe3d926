package org.microcred.badgeissuer.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A P-256 public key as a JWK, with its RFC 7638 thumbprint as key id. The thumbprint makes the
 * kid a function of the key alone, so every container (and every replay) names it the same.
 *
 * @param x base64url of the 32-byte X coordinate
 * @param y base64url of the 32-byte Y coordinate
 */
public record PublicJwk(String x, String y) {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static PublicJwk of(ECPublicKey key) {
        return new PublicJwk(BASE64URL.encodeToString(coordinate(key.getW().getAffineX())),
                BASE64URL.encodeToString(coordinate(key.getW().getAffineY())));
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
    public String thumbprint() {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The JWK members as published: kty, crv, x, y, kid, alg, use. */
    public Map<String, String> members() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", x);
        jwk.put("y", y);
        jwk.put("kid", thumbprint());
        jwk.put("alg", CredentialSigner.ALGORITHM);
        jwk.put("use", "sig");
        return jwk;
    }

    /** Unsigned big-endian, exactly 32 bytes (BigInteger may add a sign byte or drop leading zeros). */
    static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }
}
