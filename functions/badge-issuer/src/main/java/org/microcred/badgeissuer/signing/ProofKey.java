package org.microcred.badgeissuer.signing;

import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.dataintegrity.Ed25519Signer;

/**
 * The Ed25519 key that makes the embedded Data Integrity proof (eddsa-rdfc-2022), beside the
 * P-256 key of the VC-JWT: the cryptosuite is EdDSA only.
 *
 * @param publicKey the raw 32-byte public key, published as a Multikey
 */
public record ProofKey(Ed25519Signer signer, byte[] publicKey) {
    public ProofKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code z6Mk...}: the Multikey form, also the fragment of the verification method URL. */
    public String multibase() {
        return Ed25519Keys.publicKeyMultibase(publicKey);
    }
}
