package org.microcred.emulators;

import java.util.Locale;

/**
 * Physical names of template resources locally: the prefix plus the logical id, made legal
 * for each service (bucket names are lower-case DNS labels of at most 63 characters).
 */
public final class PhysicalNames {
    private PhysicalNames() {
    }

    public static String table(String prefix, String logicalId) {
        String name = (prefix + logicalId).replaceAll("[^A-Za-z0-9_.-]", "-");
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    public static String bucket(String prefix, String logicalId) {
        String name = (prefix + logicalId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
        }
        return name.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    }
}
