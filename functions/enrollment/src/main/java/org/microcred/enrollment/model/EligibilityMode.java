package org.microcred.enrollment.model;

import java.util.Optional;

/** Who an organisation lets enrol in its micro-credentials. */
public enum EligibilityMode {
    /** Only its own staff (the caller's organisation claim). */
    MEMBERS("members"),
    /** Its own staff and anyone whose email address is at one of the named domains. */
    EMAIL_DOMAINS("email-domains"),
    /** Any signed-in learner. */
    ANYONE("anyone");

    private final String json;

    EligibilityMode(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<EligibilityMode> fromJson(String value) {
        for (EligibilityMode mode : values()) {
            if (mode.json.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
