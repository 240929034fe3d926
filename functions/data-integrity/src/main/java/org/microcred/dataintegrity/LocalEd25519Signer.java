package org.microcred.dataintegrity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/** Ed25519 with a key held in memory (local stack, tests); deterministic, so test vectors reproduce. */
public final class LocalEd25519Signer implements Ed25519Signer {
    private final PrivateKey key;

    public LocalEd25519Signer(byte[] seed) {
        this.key = Ed25519Keys.privateKey(seed);
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
