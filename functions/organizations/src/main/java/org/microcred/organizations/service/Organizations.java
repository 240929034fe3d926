package org.microcred.organizations.service;

import java.time.Clock;
import java.util.Optional;
import org.microcred.organizations.model.Listing;
import org.microcred.organizations.model.OrganizationRequest;
import org.microcred.organizations.model.OrganizationView;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.core.Page;
import org.microcred.records.organizations.RecordConflictException;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.identity.Caller;

/** Creating, listing, reading and changing organisations. */
public final class Organizations {
    private final OrganizationProfiles profiles;
    private final Clock clock;

    public Organizations(OrganizationProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Platform admins only; the id is the organisation's for good (URLs and badges carry it). */
    public OrganizationView create(Caller caller, OrganizationRequest request) {
        OrganizationAccess.requirePlatformAdmin(caller);
        String id = OrganizationRules.id(request.id());
        String now = clock.instant().toString();
        OrganizationProfile profile = OrganizationRules.profile(id, request, 1, now, now);
        try {
            profiles.create(profile);
        } catch (RecordConflictException e) {
            throw new Conflict("conflict", "Conflict", "An organisation with id '" + id
                    + "' exists already; choose another id.", java.util.List.of(
                    new org.microcred.shared.domain.FieldError("id", "is taken")));
        }
        return OrganizationView.of(profile);
    }

    public Listing<OrganizationView> list(Caller caller, Optional<String> cursor, int limit) {
        OrganizationAccess.requirePlatformAdmin(caller);
        Page<OrganizationProfile> page = profiles.list(cursor, limit);
        return new Listing<>(page.items().stream().map(OrganizationView::of).toList(),
                page.nextCursor().orElse(null));
    }

    public OrganizationView get(Caller caller, String organizationId) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        return OrganizationView.of(existing(organizationId));
    }

    /**
     * Replaces the settings. With {@code If-Match} the change applies only to that revision
     * (412 otherwise); without it, to the revision just read (409 if another change got in first).
     */
    public OrganizationView update(Caller caller, String organizationId, OrganizationRequest request,
                                   Optional<Long> ifMatch) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        if (request.id() != null && !request.id().equals(organizationId)) {
            throw new Invalid("id", "cannot change; it must be '" + organizationId + "' or left out");
        }
        OrganizationProfile current = existing(organizationId);
        long expected = ifMatch.orElse(current.revision());
        if (expected != current.revision()) {
            throw stale(organizationId, current.revision());
        }
        OrganizationProfile updated = OrganizationRules.profile(organizationId, request, current.revision() + 1,
                current.createdAt(), clock.instant().toString());
        try {
            profiles.replace(updated, expected);
        } catch (RecordConflictException e) {
            if (ifMatch.isPresent()) {
                throw stale(organizationId, profiles.find(organizationId).map(OrganizationProfile::revision).orElse(0L));
            }
            throw new Conflict("Someone else changed organisation " + organizationId
                    + " at the same moment; read it again and repeat your change.");
        }
        return OrganizationView.of(updated);
    }

    private OrganizationProfile existing(String organizationId) {
        return profiles.find(organizationId).orElseThrow(() ->
                new NotFound("There is no organisation " + organizationId + "."));
    }

    private static PreconditionFailed stale(String organizationId, long currentRevision) {
        return new PreconditionFailed("precondition-failed", "Changed since you read it", "Organisation "
                + organizationId + " is at revision " + currentRevision + " now; read it again, reapply your change "
                + "and send If-Match: \"" + currentRevision + "\".");
    }
}
