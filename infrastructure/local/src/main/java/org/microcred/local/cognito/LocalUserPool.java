package org.microcred.local.cognito;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local stand-in for the Cognito user pool in template.yaml: people sign in with their
 * email address, accounts are made by administrators only, and a new account can be sent an
 * invitation with a temporary password. It keeps what {@code CognitoUserAccounts} and the dev
 * identity provider need, and refuses what Cognito refuses for those calls.
 *
 * <p>Addresses are compared without regard to case, as in a pool whose usernames are not case
 * sensitive. Thread-safe: the HTTP API serves requests on several threads.
 */
public final class LocalUserPool {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@\"]+\\.[^\\s@\"]+");
    private static final int MAX_VALUE_LENGTH = 2048;
    /** Cognito's standard attributes that a client may set; everything else must be {@code custom:}. */
    private static final Set<String> STANDARD_ATTRIBUTES = Set.of("email", "email_verified", "name", "given_name",
            "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender",
            "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at");
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, LocalUser> usersByUsername = new LinkedHashMap<>();
    /** Lower-cased address to the {@code sub} its account will get (demo users keep readable ids). */
    private final Map<String, String> reservedSubs = new HashMap<>();
    private final Optional<UserPoolFile> file;
    private final InvitationSender invitations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private LocalUserPool(Optional<UserPoolFile> file, InvitationSender invitations, Clock clock) {
        this.file = file;
        this.invitations = invitations;
        this.clock = clock;
        file.ifPresent(stored -> stored.load().forEach(user -> usersByUsername.put(user.username(), user)));
    }

    /** A pool that forgets its accounts when the JVM ends (tests). */
    public static LocalUserPool inMemory(InvitationSender invitations) {
        return new LocalUserPool(Optional.empty(), invitations, Clock.systemUTC());
    }

    /** A pool kept in {@code <directory>/users.json}, loaded now and rewritten after every change. */
    public static LocalUserPool persistedIn(Path directory, InvitationSender invitations) {
        return new LocalUserPool(Optional.of(new UserPoolFile(directory)), invitations, Clock.systemUTC());
    }

    /**
     * Creates an account, as AdminCreateUser does. The invitation (when asked for) is sent after
     * the account is stored, outside the lock, because the sender may be a slow HTTP call.
     *
     * @param email      the sign-in address (Cognito's {@code Username})
     * @param attributes further attributes; {@code name} is required, as in template.yaml
     * @throws UserPoolException {@code UsernameExistsException} for a known address,
     *                           {@code InvalidParameterException} for a malformed one or a bad attribute
     */
    public LocalUser create(String email, Map<String, String> attributes, boolean invite) {
        String address = email == null ? "" : email.trim();
        if (!EMAIL.matcher(address).matches() || address.length() > MAX_VALUE_LENGTH) {
            throw UserPoolException.invalidParameter("Username should be an email.");
        }
        Map<String, String> all = checkedAttributes(attributes);
        all.put("email", address);
        LocalUser user;
        synchronized (this) {
            if (findByEmail(address).isPresent()) {
                throw new UserPoolException("UsernameExistsException", "An account with the given email already exists.");
            }
            String sub = Optional.ofNullable(reservedSubs.remove(address.toLowerCase(Locale.ROOT)))
                    .orElseGet(() -> UUID.randomUUID().toString());
            all.put("sub", sub);
            user = new LocalUser(sub, sub, all, true, LocalUser.Status.FORCE_CHANGE_PASSWORD,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            usersByUsername.put(user.username(), user);
            save();
        }
        if (invite) {
            invitations.invite(address, all.get("name"), temporaryPassword());
        }
        return user;
    }

    /**
     * The account made next for this address gets {@code sub} instead of a random one. Local
     * only, for the demo data: its people are added through the API like anyone else, but keep
     * the readable ids (u-riverbend-learner-maria) that the README and the tests name.
     */
    public synchronized void reserveSub(String email, String sub) {
        if (usersByUsername.containsKey(sub)) {
            throw new IllegalStateException("An account with sub " + sub + " exists already");
        }
        reservedSubs.put(email.trim().toLowerCase(Locale.ROOT), sub);
    }

    /** The account signed in with this address, in any case. */
    public synchronized Optional<LocalUser> byEmail(String email) {
        return findByEmail(email);
    }

    /** The account by its username or, as Cognito's admin calls accept in an email pool, its address. */
    public synchronized Optional<LocalUser> byUsername(String usernameOrEmail) {
        return Optional.ofNullable(usersByUsername.get(usernameOrEmail)).or(() -> findByEmail(usernameOrEmail));
    }

    /** Every account, oldest first. */
    public synchronized List<LocalUser> users() {
        return usersByUsername.values().stream().sorted(Comparator.comparing(LocalUser::createdAt)).toList();
    }

    /**
     * The first sign-in replaced the temporary password (the dev identity provider's sign-in
     * counts as one).
     *
     * @throws UserPoolException {@code UserNotFoundException}
     */
    public synchronized LocalUser confirm(String usernameOrEmail) {
        LocalUser user = byUsername(usernameOrEmail).orElseThrow(UserPoolException::userNotFound);
        LocalUser confirmed = new LocalUser(user.username(), user.sub(), user.attributes(), user.enabled(),
                LocalUser.Status.CONFIRMED, user.createdAt());
        usersByUsername.put(confirmed.username(), confirmed);
        save();
        return confirmed;
    }

    /**
     * Ends the account's sessions, as AdminUserGlobalSignOut does. Locally there are no refresh
     * tokens to revoke, so only the account's existence is checked, as Cognito checks it.
     *
     * @throws UserPoolException {@code UserNotFoundException}
     */
    public synchronized void signOutEverywhere(String usernameOrEmail) {
        byUsername(usernameOrEmail).orElseThrow(UserPoolException::userNotFound);
    }

    private Optional<LocalUser> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return usersByUsername.values().stream()
                .filter(user -> user.email() != null && user.email().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    private static Map<String, String> checkedAttributes(Map<String, String> attributes) {
        for (var attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (!STANDARD_ATTRIBUTES.contains(name) && !name.startsWith("custom:")) {
                throw schemaViolation(name + ": Attribute does not exist in the schema.");
            }
            if (attribute.getValue() == null || attribute.getValue().length() > MAX_VALUE_LENGTH) {
                throw schemaViolation(name + ": String must be no longer than " + MAX_VALUE_LENGTH + " characters");
            }
        }
        String name = attributes.get("name");
        if (name == null || name.isBlank()) {
            throw schemaViolation("name: The attribute name is required");
        }
        return new HashMap<>(attributes);
    }

    private static UserPoolException schemaViolation(String detail) {
        return UserPoolException.invalidParameter("Attributes did not conform to the schema: " + detail);
    }

    /** Meets template.yaml's password policy: 12+ characters with upper, lower and digits. */
    private String temporaryPassword() {
        StringBuilder password = new StringBuilder("Aa1");
        for (int i = 0; i < 13; i++) {
            password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
        }
        return password.toString();
    }

    private void save() {
        file.ifPresent(stored -> stored.save(usersByUsername.values()));
    }
}
