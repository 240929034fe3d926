package org.microcred.badges.model;

import java.util.regex.Pattern;
import org.microcred.shared.domain.Malformed;

/** The shapes of the ids in badge URLs, checked before any lookup so a malformed id is a 400. */
public final class BadgeIds {
    private static final Pattern BADGE = Pattern.compile("bdg-[0-9a-f]{24}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private BadgeIds() {
    }

    public static String badge(String raw) {
        if (!BADGE.matcher(raw).matches()) {
            throw new Malformed("'" + abbreviate(raw) + "' is not a badge id: badge ids are 'bdg-' followed by "
                    + "24 lower-case hexadecimal characters.");
        }
        return raw;
    }

    /** Organisation and micro-credential ids are slugs (the catalog's rule). */
    public static String slug(String raw, String what) {
        if (!SLUG.matcher(raw).matches()) {
            throw new Malformed("'" + abbreviate(raw) + "' is not " + what + ": ids are 2 to 64 lower-case "
                    + "letters, digits and hyphens.");
        }
        return raw;
    }

    private static String abbreviate(String raw) {
        String printable = raw.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
