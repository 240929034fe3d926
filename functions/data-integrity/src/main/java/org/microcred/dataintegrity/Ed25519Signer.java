package org.microcred.dataintegrity;

/** Signs bytes with an Ed25519 key (pure Ed25519, RFC 8032): a local key, or AWS KMS in the cloud. */
@FunctionalInterface
public interface Ed25519Signer {
    byte[] sign(byte[] data);
}
