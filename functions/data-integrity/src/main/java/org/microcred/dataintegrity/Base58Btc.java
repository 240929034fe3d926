package org.microcred.dataintegrity;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58 (Bitcoin alphabet) and its multibase form ('z' prefix), as Data Integrity proofs and Multikeys use. */
public final class Base58Btc {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {
    }

    public static String multibase(byte[] bytes) {
        return "z" + encode(bytes);
    }

    /** @throws IllegalArgumentException if the value is not 'z' followed by base58 */
    public static byte[] fromMultibase(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != 'z') {
            throw new IllegalArgumentException("Expected a base58btc multibase value starting with 'z'");
        }
        return decode(value.substring(1));
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger number = new BigInteger(1, bytes);
        while (number.signum() > 0) {
            BigInteger[] division = number.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            number = division[0];
        }
        // Each leading zero byte is written as the alphabet's zero, '1'.
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    public static byte[] decode(String text) {
        BigInteger number = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("Not a base58 character: '" + c + "'");
            }
            number = number.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = number.toByteArray();
        int sign = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] body = number.signum() == 0 ? new byte[0] : Arrays.copyOfRange(magnitude, sign, magnitude.length);
        byte[] out = new byte[leadingZeros + body.length];
        System.arraycopy(body, 0, out, leadingZeros, body.length);
        return out;
    }
}
