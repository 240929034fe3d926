package org.microcred.badgeissuer.signing;

/**
 * Holds the issuer's ES256 signing key and signs JWS signing inputs with it. The private key
 * never leaves the implementation (KMS in AWS, a local key file on a developer's machine).
 */
public interface CredentialSigner {
    /** The JOSE algorithm of every signature. */
    String ALGORITHM = "ES256";

    /** The public half, as published in the issuer's JWK set. */
    PublicJwk publicKey();

    /**
     * Signs {@code base64url(header) "." base64url(payload)}.
     *
     * @return the JOSE signature: R and S, 32 bytes each, big-endian (RFC 7518 §3.4)
     */
    byte[] sign(byte[] signingInput);
}
