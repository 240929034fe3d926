package org.microcred.local.cognito;

import java.time.Instant;
import java.util.Map;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.PlatformAdministrator;

/**
 * The local stack's first administrator, made at every start if missing, as
 * {@code infrastructure/create-platform-admin.sh} makes one after {@code sam deploy}: an account
 * in the user pool and a platform-administrator record. Everyone else is added through the API.
 */
public final class LocalPlatformAdmin {
    public static final String USER_ID = "u-platform-admin";
    public static final String EMAIL = "platform-admin@microcred.local";
    private static final String GIVEN_NAME = "Platform";
    private static final String FAMILY_NAME = "Administrator";

    private LocalPlatformAdmin() {
    }

    /** @return the administrator's user id (the account's {@code sub}) */
    public static String ensure(LocalUserPool pool, Members members) {
        LocalUser account = pool.byEmail(EMAIL).orElseGet(() -> {
            pool.reserveSub(EMAIL, USER_ID);
            return pool.create(EMAIL, Map.of("name", GIVEN_NAME + " " + FAMILY_NAME, "given_name", GIVEN_NAME,
                    "family_name", FAMILY_NAME, "email_verified", "true"), false);
        });
        members.addPlatformAdministrator(new PlatformAdministrator(account.sub(), EMAIL,
                GIVEN_NAME + " " + FAMILY_NAME, true, Instant.now().toString()));
        return account.sub();
    }
}
