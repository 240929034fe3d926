package org.microcred.catalog.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Readable, unguessable-enough ids such as {@code exit-tickets-k3x9qa}: the title's slug for people,
 * a random suffix for uniqueness. With an idempotency key the suffix is derived from it instead,
 * so a retried create lands on the same id and cannot make a duplicate.
 */
public final class MicroCredentialIds {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private MicroCredentialIds() {
    }

    public static boolean isWellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String random(String title) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return slug(title) + "-" + suffix(bytes);
    }

    public static String forIdempotencyKey(String title, String organizationId, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((organizationId + '\u0000' + key).getBytes(StandardCharsets.UTF_8));
            return slug(title) + "-" + suffix(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String slug(String title) {
        String slug = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "mc" : slug;
    }

    private static String suffix(byte[] bytes) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET[(bytes[i] & 0xff) % ALPHABET.length]);
        }
        return suffix.toString();
    }
}
