package org.microcred.badgeissuer.signing;

/**
 * Converts an ASN.1 DER ECDSA signature ({@code SEQUENCE { INTEGER r, INTEGER s }}, what KMS
 * returns) to the JOSE form: R and S as unsigned big-endian integers of exactly 32 bytes each.
 * DER integers drop leading zeros and add a zero byte when the top bit is set, so each half can
 * be 1 to 33 bytes long.
 */
public final class DerSignatures {
    private static final int HALF = 32;

    private DerSignatures() {
    }

    public static byte[] toJose(byte[] der) {
        int[] position = {0};
        expect(der, position, 0x30, "a SEQUENCE");
        int sequenceLength = length(der, position);
        if (position[0] + sequenceLength != der.length) {
            throw new IllegalArgumentException("DER signature length does not match its content");
        }
        byte[] jose = new byte[2 * HALF];
        integer(der, position, jose, 0);
        integer(der, position, jose, HALF);
        if (position[0] != der.length) {
            throw new IllegalArgumentException("DER signature has trailing bytes");
        }
        return jose;
    }

    private static void integer(byte[] der, int[] position, byte[] target, int offset) {
        expect(der, position, 0x02, "an INTEGER");
        int length = length(der, position);
        if (length < 1 || position[0] + length > der.length) {
            throw new IllegalArgumentException("DER INTEGER is truncated");
        }
        int start = position[0];
        int end = start + length;
        while (start < end - 1 && der[start] == 0) {
            start++;
        }
        int significant = end - start;
        if (significant > HALF) {
            throw new IllegalArgumentException("DER INTEGER is longer than a P-256 value");
        }
        System.arraycopy(der, start, target, offset + HALF - significant, significant);
        position[0] = end;
    }

    private static void expect(byte[] der, int[] position, int tag, String what) {
        if (position[0] >= der.length || (der[position[0]] & 0xff) != tag) {
            throw new IllegalArgumentException("DER signature: expected " + what);
        }
        position[0]++;
    }

    /** Short form, or the long form with one length byte (a P-256 signature never needs more). */
    private static int length(byte[] der, int[] position) {
        if (position[0] >= der.length) {
            throw new IllegalArgumentException("DER signature is truncated");
        }
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        if (first == 0x81 && position[0] < der.length) {
            return der[position[0]++] & 0xff;
        }
        throw new IllegalArgumentException("DER signature has an unsupported length form");
    }
}
