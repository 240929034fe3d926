package org.microcred.local.contract;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.microcred.local.junit.RunningStack;
import org.microcred.shared.identity.Role;

/**
 * Who sends a generated request: nobody, someone with a forged token, or a signed-in person of
 * each role, in the demo district and outside it, so both the authorizer's and the handlers'
 * refusals are met.
 */
enum Callers {
    ANONYMOUS,
    FORGED_TOKEN,
    LEARNER,
    COACH,
    ORG_ADMIN,
    OTHER_ORG_ADMIN,
    PLATFORM_ADMIN;

    private static final String RIVERBEND = "org-riverbend";
    private static final String LAKESHORE = "org-lakeshore";
    /** A well-formed JWT signed by nobody the authorizer trusts. */
    private static final String FORGED = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJzdWIiOiJ1LXJpdmVyYmVuZC1hZG1pbiIsImNvZ25pdG86Z3JvdXBzIjpbIm9yZy1hZG1pbiJdfQ.c2lnbmF0dXJl";

    static Role orgAdmin() {
        return Role.ORG_ADMIN;
    }

    /** The caller signed in with a role the contract names ({@code org-admin}...), in the demo district. */
    static Optional<Callers> withRole(String role) {
        return switch (role) {
            case "learner" -> Optional.of(LEARNER);
            case "coach" -> Optional.of(COACH);
            case "org-admin" -> Optional.of(ORG_ADMIN);
            case "platform-admin" -> Optional.of(PLATFORM_ADMIN);
            default -> Optional.empty();
        };
    }

    /** The organisation the caller's token names, if any. */
    Optional<String> organization() {
        return switch (this) {
            case LEARNER, COACH, ORG_ADMIN -> Optional.of(RIVERBEND);
            case OTHER_ORG_ADMIN -> Optional.of(LAKESHORE);
            default -> Optional.empty();
        };
    }

    /** The {@code Authorization} header value of each caller (none for the anonymous one). */
    static Map<Callers, Optional<String>> authorizations(RunningStack stack) {
        Map<Callers, Optional<String>> headers = new EnumMap<>(Callers.class);
        headers.put(ANONYMOUS, Optional.empty());
        headers.put(FORGED_TOKEN, Optional.of("Bearer " + FORGED));
        headers.put(LEARNER, bearer(stack.tokenFor(Role.LEARNER, RIVERBEND)));
        headers.put(COACH, bearer(stack.tokenFor(Role.COACH, RIVERBEND)));
        headers.put(ORG_ADMIN, bearer(stack.tokenFor(Role.ORG_ADMIN, RIVERBEND)));
        headers.put(OTHER_ORG_ADMIN, bearer(stack.tokenFor(Role.ORG_ADMIN, LAKESHORE)));
        headers.put(PLATFORM_ADMIN, bearer(stack.tokenForEmail("platform-admin@microcred.local")));
        return headers;
    }

    private static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }
}
