package org.microcred.badgeissuer.signing;

import org.microcred.dataintegrity.Ed25519Keys;
import org.microcred.dataintegrity.Ed25519Signer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Pure Ed25519 (RFC 8032) with an ECC_NIST_EDWARDS25519 key in AWS KMS: ED25519_SHA_512 over the
 * RAW message, which for eddsa-rdfc-2022 is always the 64-byte hash data (well under KMS's 4 KB).
 */
public final class KmsEd25519Signer implements Ed25519Signer {
    private final KmsClient kms;
    private final String keyId;

    public KmsEd25519Signer(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] sign(byte[] data) {
        return kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromByteArray(data)).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512)).signature().asByteArray();
    }

    /** Fetched once at init. */
    public byte[] publicKey() {
        GetPublicKeyResponse response = kms.getPublicKey(r -> r.keyId(keyId));
        String keySpec = KmsCredentialSigner.keySpec(response);
        if (!"ECC_NIST_EDWARDS25519".equals(keySpec)) {
            throw new IllegalStateException("BADGE_PROOF_KEY_ID must be an ECC_NIST_EDWARDS25519 key, not " + keySpec);
        }
        return rawKey(response.publicKey().asByteArray());
    }

    static byte[] rawKey(byte[] subjectPublicKeyInfo) {
        try {
            return Ed25519Keys.fromSubjectPublicKeyInfo(subjectPublicKeyInfo);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Not an Ed25519 SubjectPublicKeyInfo", e);
        }
    }
}
