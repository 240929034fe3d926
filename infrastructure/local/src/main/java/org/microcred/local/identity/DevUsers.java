package org.microcred.local.identity;

import java.util.List;
import java.util.Optional;

/**
 * The people the local identity provider can sign in, with the organisation and roles their
 * token carries: {@code GET /_local/tokens} lists them, tests sign requests as them.
 */
public interface DevUsers {

    /** Everyone who can sign in, oldest account first. */
    List<DevUser> users();

    /** The person with this id (the token's {@code sub}). */
    default Optional<DevUser> user(String id) {
        return users().stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** The first person with the role in the organisation (for "sign in as an org-admin of X"). */
    default Optional<DevUser> firstWith(String group, String organizationId) {
        return users().stream()
                .filter(user -> user.roles().contains(group) && organizationId.equals(user.organizationId()))
                .findFirst();
    }

    /** The organisation's display name, shown beside its people. */
    Optional<String> organizationName(String organizationId);
}
