package org.microcred.badgeissuer.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs with an ECC_NIST_P256 key held in AWS KMS. The public key is fetched once, at init.
 * The SHA-256 digest is computed here and sent as {@code MessageType.DIGEST}: KMS refuses RAW
 * messages over 4096 bytes, and a credential with a long rubric can exceed that.
 */
public final class KmsCredentialSigner implements CredentialSigner {
    private final KmsClient kms;
    private final String keyId;
    private final PublicJwk publicKey;

    public KmsCredentialSigner(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
        this.publicKey = PublicJwk.of(publicKey(kms, keyId));
    }

    @Override
    public PublicJwk publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(signingInput);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        byte[] der = kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromByteArray(digest))
                .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                .signature().asByteArray();
        return DerSignatures.toJose(der);
    }

    /**
     * KMS answers {@code KeySpec} and, with the same value, the deprecated
     * {@code CustomerMasterKeySpec}; emulators such as moto 5.2.1 answer only the latter.
     */
    static String keySpec(GetPublicKeyResponse response) {
        return response.keySpec() != null ? response.keySpecAsString() : response.customerMasterKeySpecAsString();
    }

    private static ECPublicKey publicKey(KmsClient kms, String keyId) {
        GetPublicKeyResponse response = kms.getPublicKey(r -> r.keyId(keyId));
        if (!"ECC_NIST_P256".equals(keySpec(response))) {
            throw new IllegalStateException("BADGE_SIGNING_KEY_ID must be an ECC_NIST_P256 key, not "
                    + keySpec(response));
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KMS returned a public key that is not a P-256 SubjectPublicKeyInfo", e);
        }
    }
}
