package org.microcred.local.cognito;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An account of the {@link LocalUserPool}, shaped like a Cognito user of a pool that signs
 * people in with their email address: the username is a generated id equal to the {@code sub}.
 *
 * @param attributes Cognito attribute names ({@code email}, {@code given_name},
 *                   {@code custom:orgId}, ...) to values, {@code sub} included
 */
public record LocalUser(String username, String sub, Map<String, String> attributes, boolean enabled,
                        Status status, Instant createdAt) {

    /** Cognito's user statuses that can occur locally. */
    public enum Status {
        /** Created by an administrator; the temporary password has not been replaced yet. */
        FORCE_CHANGE_PASSWORD,
        CONFIRMED
    }

    public LocalUser {
        attributes = Map.copyOf(attributes);
    }

    /** The sign-in address, as stored. */
    public String email() {
        return attributes.get("email");
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
