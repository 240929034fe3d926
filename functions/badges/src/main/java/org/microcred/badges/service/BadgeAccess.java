package org.microcred.badges.service;

import org.microcred.records.badges.Badge;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;

/** Who may do what with badges: the one place this function decides it (reading a badge needs no one). */
public final class BadgeAccess {
    private static final String SIGN_IN_TO_REVOKE =
            "Sign in as an administrator of the issuing organisation to revoke a badge.";

    private BadgeAccess() {
    }

    /** Revoking needs a signed-in caller; checked before the badge is looked up. */
    public static void requireSignedInToRevoke(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated(SIGN_IN_TO_REVOKE);
        }
    }

    /** An administrator of the issuing organisation (or a platform admin); run before the body is read. */
    public static void requireRevoker(Caller caller, Badge badge) {
        requireSignedInToRevoke(caller);
        caller.requireAdminOf(badge.organizationId());
    }

    /** A learner's own badges: any signed-in caller. */
    public static void requireSignedInForOwnBadges(Caller caller) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to see your badges.");
        }
    }
}
