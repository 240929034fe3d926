package org.microcred.organizations.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;

/**
 * Collects every problem of one request body, so a person fixes them all in one go; each names
 * its field. One-line fields refuse control characters (they end up in email subjects).
 */
final class FieldRules {
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A required one-line text of at most {@code max} characters; returns it stripped. */
    String line(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalLine(field, value, max);
    }

    String optionalLine(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (CONTROL.matcher(stripped).find()) {
            add(field, "must be one line without control characters");
        } else if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** A required email address, lower-cased. */
    String email(String field, String value) {
        String email = line(field, value, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            add(field, "must be an email address such as name@district.org");
            return null;
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    String optionalEmail(String field, String value) {
        return value == null || value.isBlank() ? null : email(field, value);
    }

    /** An optional absolute https URL (http only for localhost, for the local stack). */
    String optionalUrl(String field, String value) {
        String url = optionalLine(field, value, 2048);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean local = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost())
                    || "127.0.0.1".equals(uri.getHost()));
            if (!("https".equals(uri.getScheme()) || local) || uri.getHost() == null) {
                add(field, "must be an https URL");
            }
        } catch (Exception e) {
            add(field, "must be an https URL");
        }
        return url;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    /** @throws Invalid listing every field error, if there are any */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            String detail = errors.size() == 1
                    ? "Field '" + first.field() + "' " + first.message() + "."
                    : "Fix these fields: " + String.join("; ", errors.stream()
                            .map(error -> error.field() + " " + error.message()).toList()) + ".";
            throw new Invalid(detail, errors);
        }
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
