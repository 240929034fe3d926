package org.microcred.badges.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.microcred.records.badges.Badge;
import org.microcred.records.badges.Revocation;
import org.microcred.badges.model.RevokeRequest;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.identity.Caller;

/**
 * An org admin withdraws a badge of their organisation, with a reason everyone verifying it will see.
 * Who may is {@link BadgeAccess#requireRevoker}'s to say, before the request body is read.
 */
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
                .orElseThrow(() -> new NotFound("There is no badge " + badge.badgeId() + "."));
        if (now.revoked()) {
            throw new RevocationConflict(recorded(now));
        }
        throw new Conflict("The badge changed while it was being revoked; try again.");
    }

    private static String reason(RevokeRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new Invalid("reason", "is required: say why the badge is revoked (1 to "
                    + MAX_REASON + " characters); it is shown to everyone who verifies the badge");
        }
        if (reason.length() > MAX_REASON) {
            throw new Invalid("reason", "is " + reason.length() + " characters; at most " + MAX_REASON
                    + " are allowed");
        }
        return reason;
    }

    private static Revocation recorded(Badge badge) {
        return new Revocation(badge.badgeId(), badge.revokedAt(), badge.revocationReason());
    }
}
