package org.microcred.assessors.service;

import java.time.Clock;
import java.util.Optional;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.records.badges.BadgeRecords;
import org.microcred.records.badges.HeldBadge;
import org.microcred.assessors.web.InvitationLinks;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.LearningWrite;
import org.microcred.records.organizations.CoachPool;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.RuleBroken;

/**
 * Accepting an invitation from its email link: one transaction moves the invitation to
 * calibrating and puts the educator in the coach pool for the micro-credential, marked as
 * calibrating for it, so the automatic coach choice passes them over until calibration is passed:
 * their coach entry lists it, and when the organisation set a pool for the micro-credential they
 * get a seat in it (conditional on the pool's revision read), so the pool stays the one list of
 * who coaches it.
 * Whatever they already coach stays live. Accepting again changes nothing. The badge must still
 * be active when they accept.
 */
public class Accepting {
    private final AssessorStore store;
    private final BadgeRecords badges;
    private final CatalogReader catalog;
    private final LearningStore learning;
    private final InvitationLinks links;
    private final Clock clock;

    public Accepting(AssessorStore store, BadgeRecords badges, CatalogReader catalog, LearningStore learning,
                     InvitationLinks links, Clock clock) {
        this.store = store;
        this.badges = badges;
        this.catalog = catalog;
        this.learning = learning;
        this.links = links;
        this.clock = clock;
    }

    public boolean isExpired(String token) {
        return links.isExpired(token, clock.instant());
    }

    /** The invitation a genuine, unexpired link names, if it is still the latest one issued. */
    public Optional<Assessor> invitation(String token) {
        return links.verify(token, clock.instant()).flatMap(grant -> store.assessor(grant.organizationId(),
                        grant.userId(), grant.microCredentialId())
                .filter(assessor -> assessor.revision() == grant.revision()));
    }

    /** Accepts; returns the assessor as it is afterwards (unchanged if already accepted). */
    public Assessor accept(Assessor invited) {
        if (invited.status() != AssessorStatus.INVITED) {
            return invited;
        }
        String organizationId = invited.organizationId();
        String microCredentialId = invited.microCredentialId();
        // The badge may have been revoked since the invitation: assessing needs it now.
        if (badges.held(invited.userId(), microCredentialId).stream().noneMatch(HeldBadge::isActive)) {
            throw new RuleBroken("badge-revoked", "Badge no longer active", "Your badge for "
                    + invited.microCredentialTitle() + " is no longer active, so this invitation cannot be accepted. "
                    + "Ask your organisation's administrator if this looks wrong.", java.util.List.of());
        }
        String acceptedAt = Timestamps.format(clock.instant());
        LearningWrite write = learning.newWrite().item(store.writes().accept(organizationId, invited.userId(),
                microCredentialId, invited.revision(), acceptedAt));
        joinThePool(write, invited, acceptedAt);
        try {
            learning.commit(write);
        } catch (ConcurrentChangeException e) {
            Assessor now = store.assessor(organizationId, invited.userId(), microCredentialId).orElseThrow();
            if (now.status() != AssessorStatus.INVITED) {
                return now;
            }
            throw new Conflict("The coach pool changed while you accepted; open the link again.");
        }
        return store.assessor(organizationId, invited.userId(), microCredentialId).orElseThrow();
    }

    /**
     * The coach entry lists the micro-credential as calibrating (a new entry, or added to theirs),
     * and the micro-credential's pool, if it has one, gets a seat for them unless they hold one.
     */
    private void joinThePool(LearningWrite write, Assessor invited, String now) {
        String organizationId = invited.organizationId();
        String microCredentialId = invited.microCredentialId();
        Optional<AssessorStore.CoachEntry> coach = store.coach(organizationId, invited.userId());
        Optional<CoachPool> pool = store.pool(organizationId, microCredentialId);
        if (coach.isEmpty()) {
            write.item(store.writes().newCoach(organizationId, new AssessorStore.Member(invited.userId(), invited.name(),
                    invited.email()), microCredentialId));
        } else if (!coach.get().calibratingMicroCredentialIds().contains(microCredentialId)) {
            String collection = catalog.latest(microCredentialId).map(CatalogReader.Version::collection).orElse(null);
            if (coach.get().coachesLive(microCredentialId, collection, pool)
                    || coach.get().microCredentialIds().contains(microCredentialId)) {
                throw new Conflict("already-coach", "Already a coach", "You already coach "
                        + invited.microCredentialTitle() + " in this organisation's pool, so there is nothing to "
                        + "calibrate. Ask your administrator if this looks wrong.");
            }
            write.item(store.writes().joinCoach(organizationId, invited.userId(), microCredentialId));
        }
        if (pool.isPresent() && pool.get().seatOf(invited.userId()).isEmpty()) {
            write.item(store.writes().joinPool(pool.get(), invited.userId(), now));
        }
    }
}
