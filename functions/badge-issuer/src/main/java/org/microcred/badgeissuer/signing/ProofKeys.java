package org.microcred.badgeissuer.signing;

import java.util.HexFormat;
import java.util.Optional;
import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.dataintegrity.LocalEd25519Signer;
import org.microcred.shared.config.FunctionEnvironment;

/**
 * Chooses the proof key for an environment, like {@link Signers} for the JWT key: a local seed
 * ({@code MICROCRED_BADGE_PROOF_KEY}, 64 hex characters) wins; otherwise the KMS key
 * {@code BADGE_PROOF_KEY_ID}.
 */
public final class ProofKeys {
    public static final String LOCAL_KEY = "MICROCRED_BADGE_PROOF_KEY";
    public static final String KMS_KEY_ID = "BADGE_PROOF_KEY_ID";

    private ProofKeys() {
    }

    public static ProofKey forEnvironment(FunctionEnvironment environment) {
        Optional<String> seedHex = environment.optional(LOCAL_KEY);
        if (seedHex.isPresent()) {
            byte[] seed;
            try {
                seed = HexFormat.of().parseHex(seedHex.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(LOCAL_KEY + " must be 64 hex characters (an Ed25519 seed)", e);
            }
            return new ProofKey(new LocalEd25519Signer(seed), Ed25519Keys.publicKeyOf(seed));
        }
        String keyId = environment.required(KMS_KEY_ID);
        if (keyId.startsWith("<")) {
            throw new IllegalStateException(KMS_KEY_ID + " is " + keyId + "; outside AWS set " + LOCAL_KEY
                    + " to a 32-byte Ed25519 seed in hex (the local stack does this)");
        }
        KmsEd25519Signer signer = new KmsEd25519Signer(Signers.kms(environment), keyId);
        return new ProofKey(signer, signer.publicKey());
    }
}
