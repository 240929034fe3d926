package org.microcred.badges.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.Revocation;
import org.microcred.badges.model.RevokeRequest;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.shared.http.ApiProblem;
import org.microcred.shared.identity.Caller;

/** An org admin withdraws a badge of their organisation, with a reason everyone verifying it will see. */
public class Revoking {
    public static final int MAX_REASON = 500;

    private final BadgeRecords badges;
    private final RevocationEmails emails;
    private final Clock clock;

    public Revoking(BadgeRecords badges, RevocationEmails emails, Clock clock) {
        this.badges = badges;
        this.emails = emails;
        this.clock = clock;
    }

    /** Checks the caller may revoke this badge; run before the body is read (who before what). */
    public void authorize(Caller caller, Badge badge) {
        if (!caller.isAuthenticated()) {
            throw ApiProblem.unauthorized("Sign in as an administrator of the issuing organisation to revoke a badge.");
        }
        caller.requireAdminOf(badge.organizationId());
    }

    public Revocation revoke(Caller caller, Badge badge, RevokeRequest request) {
        String reason = reason(request);
        if (badge.revoked()) {
            throw new RevocationConflict(recorded(badge));
        }
        Revocation revocation = new Revocation(badge.badgeId(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), reason);
        if (badges.revoke(badge, revocation, caller.userId(), emails.revoked(badge, revocation))) {
            return revocation;
        }
        Badge now = badges.find(badge.badgeId(), true)
                .orElseThrow(() -> ApiProblem.notFound("There is no badge " + badge.badgeId() + "."));
        if (now.revoked()) {
            throw new RevocationConflict(recorded(now));
        }
        throw ApiProblem.conflict("The badge changed while it was being revoked; try again.");
    }

    private static String reason(RevokeRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw ApiProblem.invalidField("reason", "is required: say why the badge is revoked (1 to "
                    + MAX_REASON + " characters); it is shown to everyone who verifies the badge");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiProblem.invalidField("reason", "is " + reason.length() + " characters; at most " + MAX_REASON
                    + " are allowed");
        }
        return reason;
    }

    private static Revocation recorded(Badge badge) {
        return new Revocation(badge.badgeId(), badge.revokedAt(), badge.revocationReason());
    }
}
