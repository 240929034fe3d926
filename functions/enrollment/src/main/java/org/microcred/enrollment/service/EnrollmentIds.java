package org.microcred.enrollment.service;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Server-assigned ids: unguessable, URL-safe, recognisable by their prefix. */
public final class EnrollmentIds {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ENROLLMENT = Pattern.compile("enr-[a-z0-9]{20}");
    private static final Pattern MICRO_CREDENTIAL = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");

    private EnrollmentIds() {
    }

    public static String newEnrollmentId() {
        return "enr-" + random(20);
    }

    public static String newGroupId() {
        return "plc-" + random(20);
    }

    public static boolean isEnrollmentId(String id) {
        return id != null && ENROLLMENT.matcher(id).matches();
    }

    public static boolean isMicroCredentialId(String id) {
        return id != null && MICRO_CREDENTIAL.matcher(id).matches();
    }

    private static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
