package org.microcred.shared.identity;

import java.util.Optional;

/** The Cognito groups that decide what a caller may do. */
public enum Role {
    LEARNER("learner"),
    COACH("coach"),
    ORG_ADMIN("org-admin"),
    PLATFORM_ADMIN("platform-admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
