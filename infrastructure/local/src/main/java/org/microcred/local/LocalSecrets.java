package org.microcred.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What AWS gives functions that the template cannot say locally: the API's own base URL
 * ({@code API_URL}, for links in emails) and, instead of the Secrets Manager secret, the
 * review-link HMAC key in {@code MICROCRED_REVIEW_LINK_KEY}. The key is random, kept in the data
 * directory next to the dev issuer's keys so links in old emails keep working after a restart.
 * Likewise, instead of the KMS key that signs badges, a P-256 private key as a JWK in
 * {@code MICROCRED_BADGE_SIGNING_KEY} (file {@code badge-signing-key.jwk}), so badges issued
 * before a restart still verify against the published key, and instead of the Ed25519 KMS key of
 * the embedded Data Integrity proofs a random seed in {@code MICROCRED_BADGE_PROOF_KEY} (file
 * {@code badge-proof-key.hex}).
 */
final class LocalSecrets {
    static final String REVIEW_LINK_KEY = "MICROCRED_REVIEW_LINK_KEY";
    static final String BADGE_SIGNING_KEY = "MICROCRED_BADGE_SIGNING_KEY";
    static final String BADGE_PROOF_KEY = "MICROCRED_BADGE_PROOF_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String reviewLinkKey;
    private final String badgeSigningKey;
    private final String badgeProofKey;

    private LocalSecrets(String reviewLinkKey, String badgeSigningKey, String badgeProofKey) {
        this.reviewLinkKey = reviewLinkKey;
        this.badgeSigningKey = badgeSigningKey;
        this.badgeProofKey = badgeProofKey;
    }

    static LocalSecrets in(Optional<Path> identityDirectory) {
        return new LocalSecrets(
                identityDirectory.map(dir -> persistent(dir.resolve("review-link.key"), LocalSecrets::random))
                        .orElseGet(LocalSecrets::random),
                identityDirectory.map(dir -> persistent(dir.resolve("badge-signing-key.jwk"), LocalSecrets::p256Jwk))
                        .orElseGet(LocalSecrets::p256Jwk),
                // An Ed25519 private key is any 32 random bytes.
                identityDirectory.map(dir -> persistent(dir.resolve("badge-proof-key.hex"), LocalSecrets::random))
                        .orElseGet(LocalSecrets::random));
    }

    /** The function's template environment with the local stand-ins applied. */
    Map<String, String> apply(Map<String, String> environment, URI apiBase) {
        Map<String, String> local = new LinkedHashMap<>(environment);
        if (local.containsKey("API_URL")) {
            String base = apiBase.toString();
            local.put("API_URL", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        if (local.containsKey("REVIEW_LINK_SECRET_ARN")) {
            local.put(REVIEW_LINK_KEY, reviewLinkKey);
        }
        if (local.containsKey("BADGE_SIGNING_KEY_ID")) {
            local.put(BADGE_SIGNING_KEY, badgeSigningKey);
        }
        if (local.containsKey("BADGE_PROOF_KEY_ID")) {
            local.put(BADGE_PROOF_KEY, badgeProofKey);
        }
        return local;
    }

    private static String persistent(Path file, Supplier<String> generate) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String key = generate.get();
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    /** A new P-256 key pair as a private JWK (kty, crv, x, y, d; coordinates 32 bytes each). */
    static String p256Jwk() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
            return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + base64url(publicKey.getW().getAffineX())
                    + "\",\"y\":\"" + base64url(publicKey.getW().getAffineY()) + "\",\"d\":\""
                    + base64url(privateKey.getS()) + "\"}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the local badge signing key", e);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
