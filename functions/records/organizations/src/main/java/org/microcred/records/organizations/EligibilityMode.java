package org.microcred.records.organizations;

import java.util.Optional;

/**
 * Who an organisation lets enrol in its micro-credentials. {@code stored} is the spelling the
 * enrolment function reads from the profile; {@code api} is the spelling of the public API.
 */
public enum EligibilityMode {
    /** Only its own members (the caller's organisation claim). */
    MEMBERS("members", "members"),
    /** Its members and anyone whose email address is at one of its {@code emailDomains}. */
    DOMAINS("domains", "email-domains"),
    /** Any signed-in learner. */
    OPEN("open", "anyone");

    private final String api;
    private final String stored;

    EligibilityMode(String api, String stored) {
        this.api = api;
        this.stored = stored;
    }

    public String api() {
        return api;
    }

    public String stored() {
        return stored;
    }

    public static Optional<EligibilityMode> fromApi(String value) {
        for (EligibilityMode mode : values()) {
            if (mode.api.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public static EligibilityMode fromStored(String value) {
        for (EligibilityMode mode : values()) {
            if (mode.stored.equals(value)) {
                return mode;
            }
        }
        return MEMBERS;
    }
}
