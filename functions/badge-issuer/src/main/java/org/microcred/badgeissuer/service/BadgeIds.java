package org.microcred.badgeissuer.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Badge ids are a function of the enrolment, so every delivery or replay of the same award
 * targets the same item and the conditional write lets exactly one of them through.
 */
public final class BadgeIds {
    private BadgeIds() {
    }

    /** {@code bdg-} + hex of the first 12 bytes of SHA-256("badge|" + enrollmentId). */
    public static String forEnrollment(String enrollmentId) {
        return "bdg-" + HexFormat.of().formatHex(Arrays.copyOf(sha256("badge|" + enrollmentId), 12));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** OB 2.0 / OB 3.0 IdentityObject hash: {@code sha256$} + hex SHA-256(lower-cased email + salt). */
    public static String recipientHash(String email, String salt) {
        return "sha256$" + HexFormat.of().formatHex(sha256(email.strip().toLowerCase(java.util.Locale.ROOT) + salt));
    }
}
