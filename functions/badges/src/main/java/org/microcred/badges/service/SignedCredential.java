package org.microcred.badges.service;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.microcred.dataintegrity.JsonDocuments;

/**
 * A VC-JWT as the badge page checks it: a compact JWS read and its ES256 signature verified with
 * the JDK and JSON-P alone. A JOSE library did the same with some 170 classes of its own (and a
 * shaded JSON parser) loaded on the public page's cold start.
 */
final class SignedCredential {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final BigInteger P256_P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_A = P256_P.subtract(BigInteger.valueOf(3));
    private static final BigInteger P256_B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private final String signingInput;
    private final byte[] signature;
    private final JsonObject header;
    private final JsonObject claims;

    private SignedCredential(String signingInput, byte[] signature, JsonObject header, JsonObject claims) {
        this.signingInput = signingInput;
        this.signature = signature;
        this.header = header;
        this.claims = claims;
    }

    /** The JWS, or empty when the text is not three base64url parts with a JSON object header and payload. */
    static Optional<SignedCredential> parse(String compact) {
        if (compact == null || compact.isBlank()) {
            return Optional.empty();
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = object(new String(BASE64URL.decode(parts[0]), StandardCharsets.UTF_8));
            JsonObject claims = object(new String(BASE64URL.decode(parts[1]), StandardCharsets.UTF_8));
            if (header == null || claims == null || !(header.get("alg") instanceof JsonString)) {
                return Optional.empty();
            }
            return Optional.of(new SignedCredential(parts[0] + "." + parts[1], BASE64URL.decode(parts[2]), header,
                    claims));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String algorithm() {
        return header.getString("alg");
    }

    String keyId() {
        return header.get("kid") instanceof JsonString kid ? kid.getString() : null;
    }

    /** The credential id: {@code jti} (VC-JWT 1.1 mapping), the payload's {@code id} (VC 2.0), or {@code vc.id}. */
    String credentialId() {
        if (claims.get("jti") instanceof JsonString jti) {
            return jti.getString();
        }
        if (claims.get("id") instanceof JsonString id) {
            return id.getString();
        }
        if (claims.get("vc") instanceof JsonObject vc && vc.get("id") instanceof JsonString id) {
            return id.getString();
        }
        return null;
    }

    /**
     * A registered date claim ({@code exp}, {@code nbf}): seconds since the epoch.
     *
     * @throws IllegalStateException when the claim is there but not a number
     */
    Optional<Instant> date(String claim) {
        JsonValue value = claims.get(claim);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        throw new IllegalStateException(claim + " is not a number");
    }

    /** Whether the ES256 signature (64 bytes, R then S) is the key's over the signing input. */
    boolean verifiedBy(ECPublicKey key) throws GeneralSecurityException {
        if (signature.length != 64) {
            return false;
        }
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    /**
     * A public P-256 key from its JWK, or empty when the text is not one: another type or curve, a
     * private key, or a point that is not on the curve.
     *
     * @throws IllegalArgumentException when the text is not a JWK at all
     */
    static Optional<ECPublicKey> publicP256(String jwk) {
        JsonObject members = object(jwk);
        if (members == null || !(members.get("kty") instanceof JsonString kty)) {
            throw new IllegalArgumentException("not a JWK");
        }
        if (!"EC".equals(kty.getString()) || !(members.get("crv") instanceof JsonString crv)
                || !"P-256".equals(crv.getString()) || members.containsKey("d")
                || !(members.get("x") instanceof JsonString x) || !(members.get("y") instanceof JsonString y)) {
            return Optional.empty();
        }
        byte[] xBytes = BASE64URL.decode(x.getString());
        byte[] yBytes = BASE64URL.decode(y.getString());
        if (xBytes.length != 32 || yBytes.length != 32) {
            return Optional.empty();
        }
        BigInteger px = new BigInteger(1, xBytes);
        BigInteger py = new BigInteger(1, yBytes);
        if (!onCurve(px, py)) {
            return Optional.empty();
        }
        try {
            ECParameterSpec p256 = p256();
            return Optional.of((ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(px, py), p256)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** y² = x³ - 3x + b (mod p): a point off the curve would make the check meaningless (invalid-curve attacks). */
    private static boolean onCurve(BigInteger x, BigInteger y) {
        if (x.compareTo(P256_P) >= 0 || y.compareTo(P256_P) >= 0) {
            return false;
        }
        BigInteger left = y.pow(2).mod(P256_P);
        BigInteger right = x.pow(3).add(P256_A.multiply(x)).add(P256_B).mod(P256_P);
        return left.equals(right);
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static JsonObject object(String json) {
        try {
            return JsonDocuments.object(json).orElse(null);
        } catch (JsonException e) {
            return null;
        }
    }
}
