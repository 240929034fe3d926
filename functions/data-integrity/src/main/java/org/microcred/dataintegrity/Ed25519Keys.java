package org.microcred.dataintegrity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Raw 32-byte Ed25519 keys (RFC 8032), as Multikeys and KMS public keys carry them, to and from
 * the JDK's key objects. The JDK has Ed25519 since Java 15, so no crypto library is needed.
 */
public final class Ed25519Keys {
    /** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded) in a Multikey. */
    private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};

    private Ed25519Keys() {
    }

    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, "private key seed");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** The public key of a seed: the JDK derives it when it "generates" a pair from exactly these bytes. */
    public static byte[] publicKeyOf(byte[] seed) {
        requireLength(seed, "private key seed");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            return raw(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** RFC 8032 encoding: y little-endian, the sign of x in the top bit of the last byte. */
    public static byte[] raw(PublicKey key) {
        EdECPoint point = ((EdECPublicKey) key).getPoint();
        byte[] bigEndian = point.getY().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, "public key");
        byte[] littleEndian = raw.clone();
        boolean xOdd = (littleEndian[31] & 0x80) != 0;
        littleEndian[31] &= 0x7f;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = littleEndian[31 - i];
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                    new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    /** The Multikey form used in verification method ids: 'z' + base58btc(0xed01 + key). */
    public static String publicKeyMultibase(byte[] raw) {
        requireLength(raw, "public key");
        byte[] prefixed = new byte[34];
        System.arraycopy(MULTICODEC_ED25519_PUB, 0, prefixed, 0, 2);
        System.arraycopy(raw, 0, prefixed, 2, 32);
        return Base58Btc.multibase(prefixed);
    }

    /**
     * The raw public key of a Multikey ({@link #publicKeyMultibase}'s inverse).
     *
     * @throws IllegalArgumentException if the value is not base58btc, or not an Ed25519 Multikey
     */
    public static byte[] publicKeyFromMultibase(String multikey) {
        byte[] decoded = Base58Btc.fromMultibase(multikey);
        if (decoded.length != 34 || decoded[0] != MULTICODEC_ED25519_PUB[0] || decoded[1] != MULTICODEC_ED25519_PUB[1]) {
            throw new NotEd25519Exception("Not an Ed25519 Multikey");
        }
        return java.util.Arrays.copyOfRange(decoded, 2, 34);
    }

    /** A well-formed multibase value that holds some other kind of key. */
    public static final class NotEd25519Exception extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotEd25519Exception(String message) {
            super(message);
        }
    }

    /** The raw key of an X.509 SubjectPublicKeyInfo, as KMS GetPublicKey returns it. */
    public static byte[] fromSubjectPublicKeyInfo(byte[] encoded) {
        try {
            return raw(KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException e) {
            throw new NotEd25519Exception("Not an Ed25519 SubjectPublicKeyInfo");
        }
    }

    private static void requireLength(byte[] key, String what) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("An Ed25519 " + what + " is 32 bytes");
        }
    }

    /** Hands the generator the seed instead of random bytes. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(out.length, bytes.length));
        }
    }
}
