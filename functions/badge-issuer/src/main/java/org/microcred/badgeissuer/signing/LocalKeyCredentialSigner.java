package org.microcred.badgeissuer.signing;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import org.microcred.dataintegrity.JsonDocuments;

/**
 * Signs with a P-256 private key given as a JWK ({@code {"kty":"EC","crv":"P-256","x":..,"y":..,"d":..}},
 * the format of {@code MICROCRED_BADGE_SIGNING_KEY}). Used by the local stack and tests, where
 * there is no KMS; in AWS the key never exists outside KMS.
 */
public final class LocalKeyCredentialSigner implements CredentialSigner {
    private final PrivateKey privateKey;
    private final PublicJwk publicKey;

    private LocalKeyCredentialSigner(PrivateKey privateKey, PublicJwk publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** @throws IllegalArgumentException if the text is not a private P-256 JWK */
    public static LocalKeyCredentialSigner fromJwk(String jwkJson) {
        JsonObject jwk;
        try {
            jwk = JsonDocuments.object(jwkJson).orElse(JsonValue.EMPTY_JSON_OBJECT);
        } catch (JsonException e) {
            throw new IllegalArgumentException("The badge signing key is not JSON (expected a private EC P-256 JWK)");
        }
        if (!"EC".equals(text(jwk, "kty")) || !"P-256".equals(text(jwk, "crv"))
                || text(jwk, "d") == null || text(jwk, "x") == null || text(jwk, "y") == null) {
            throw new IllegalArgumentException("The badge signing key must be a private EC P-256 JWK with x, y and d");
        }
        try {
            ECParameterSpec p256 = p256();
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(unsigned(jwk, "d"), p256));
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(
                    new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), p256));
            return new LocalKeyCredentialSigner(privateKey, PublicJwk.of(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The badge signing key is not a valid P-256 key", e);
        }
    }

    @Override
    public PublicJwk publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        try {
            // The P1363 variant yields R||S directly, the form JOSE wants.
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(signingInput);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the local badge key", e);
        }
    }

    static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static BigInteger unsigned(JsonObject jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(text(jwk, member)));
    }

    /** A member's string value (JSON-P: the issuer loads it anyway for the embedded proof; a Jackson tree would cost databind's set-up). */
    private static String text(JsonObject jwk, String member) {
        return jwk.get(member) instanceof JsonString string ? string.getString() : null;
    }
}
