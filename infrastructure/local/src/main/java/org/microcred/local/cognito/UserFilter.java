package org.microcred.local.cognito;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Filter} of Cognito's ListUsers: {@code attribute = "value"} or
 * {@code attribute ^= "value"} (starts with), the value double-quoted with {@code \"} and
 * {@code \\} escapes. Sign-in names (username, email, preferred username) compare without regard
 * to case, like the pool's own look-ups.
 */
final class UserFilter {
    private static final Pattern SYNTAX = Pattern.compile("\\s*([\\w:]+)\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
    private static final Set<String> CASE_INSENSITIVE = Set.of("username", "email", "preferred_username");
    private static final Map<String, Function<LocalUser, String>> INHERENT = Map.of(
            "username", LocalUser::username,
            "cognito:user_status", user -> user.status().name(),
            "status", user -> user.enabled() ? "Enabled" : "Disabled");
    private static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");

    private UserFilter() {
    }

    /**
     * @param filter the request's filter; null or blank matches everyone
     * @throws UserPoolException {@code InvalidParameterException} for a filter Cognito would not parse
     */
    static Predicate<LocalUser> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return user -> true;
        }
        Matcher matcher = SYNTAX.matcher(filter);
        if (!matcher.matches()) {
            throw UserPoolException.invalidParameter("Error while parsing filter.");
        }
        String attribute = matcher.group(1);
        if (!SEARCHABLE.contains(attribute)) {
            throw UserPoolException.invalidParameter("Invalid search attribute: " + attribute);
        }
        boolean prefix = "^=".equals(matcher.group(2));
        boolean ignoreCase = CASE_INSENSITIVE.contains(attribute);
        String wanted = fold(unescape(matcher.group(3)), ignoreCase);
        Function<LocalUser, String> value = INHERENT.getOrDefault(attribute, user -> user.attributes().get(attribute));
        return user -> {
            String actual = value.apply(user);
            if (actual == null) {
                return false;
            }
            String folded = fold(actual, ignoreCase);
            return prefix ? folded.startsWith(wanted) : folded.equals(wanted);
        };
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }

    private static String fold(String value, boolean ignoreCase) {
        return ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    }
}
