package org.microcred.organizations.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.microcred.organizations.model.CoachPoolRequest;
import org.microcred.organizations.model.CoachPoolView;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.CoachSeat;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.RecordConflictException;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/** Setting and reading which coaches coach a micro-credential, with their loads. */
public final class CoachPoolService {
    private static final int MAX_CAPACITY = 1000;

    private final CoachPools pools;
    private final Members members;
    private final PublishedCatalog owners;
    private final Clock clock;

    public CoachPoolService(CoachPools pools, Members members, PublishedCatalog owners, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.owners = owners;
        this.clock = clock;
    }

    public CoachPoolView get(Caller caller, String organizationId, String microCredentialId) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOwned(organizationId, microCredentialId);
        CoachPool pool = pools.find(organizationId, microCredentialId)
                .orElse(new CoachPool(organizationId, microCredentialId, List.of(), 0, null));
        return view(pool);
    }

    /**
     * Replaces the pool. Every coach must be an active member with the coach role; with
     * {@code If-Match} the change applies only to that revision of the pool (0: no pool yet).
     */
    public CoachPoolView put(Caller caller, String organizationId, String microCredentialId, CoachPoolRequest request,
                             Optional<Long> ifMatch) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOwned(organizationId, microCredentialId);
        List<CoachSeat> seats = seats(organizationId, request);
        long current = pools.find(organizationId, microCredentialId).map(CoachPool::revision).orElse(0L);
        long expected = ifMatch.orElse(current);
        if (expected != current) {
            throw stale(microCredentialId, current);
        }
        CoachPool pool = new CoachPool(organizationId, microCredentialId, seats, current + 1, clock.instant().toString());
        try {
            pools.replace(pool, expected);
        } catch (RecordConflictException e) {
            throw new Conflict("The pool of " + microCredentialId + " changed, or one of its coaches was "
                    + "deactivated, at the same moment; read it again and repeat your change.");
        }
        return view(pool);
    }

    private List<CoachSeat> seats(String organizationId, CoachPoolRequest request) {
        FieldRules rules = new FieldRules();
        List<CoachPoolRequest.Seat> requested = request.coaches() == null ? List.of() : request.coaches();
        if (request.coaches() == null) {
            rules.add("coaches", "is required (an empty list leaves the micro-credential without coaches)");
        }
        if (requested.size() > CoachPools.MAX_COACHES) {
            rules.add("coaches", "may list at most " + CoachPools.MAX_COACHES + " coaches");
            rules.throwIfAny();
        }
        List<CoachSeat> seats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            CoachPoolRequest.Seat seat = requested.get(i);
            String field = "coaches[" + i + "]";
            if (seat == null || seat.userId() == null || seat.userId().isBlank()) {
                rules.add(field + ".userId", "is required");
                continue;
            }
            if (!seen.add(seat.userId())) {
                rules.add(field + ".userId", "is listed twice");
                continue;
            }
            if (seat.capacity() != null && (seat.capacity() < 1 || seat.capacity() > MAX_CAPACITY)) {
                rules.add(field + ".capacity", "must be between 1 and " + MAX_CAPACITY + " (or left out for no limit)");
            }
            if (seat.userId().length() > 128) {
                rules.add(field + ".userId", "is not a member of " + organizationId);
                continue;
            }
            Optional<Membership> member = members.find(organizationId, seat.userId());
            if (member.isEmpty()) {
                rules.add(field + ".userId", "is not a member of " + organizationId);
            } else if (!member.get().active()) {
                rules.add(field + ".userId", "is deactivated");
            } else if (!member.get().has(Role.COACH)) {
                rules.add(field + ".userId", "does not have the coach role; give it with PATCH /orgs/"
                        + organizationId + "/members/" + seat.userId());
            }
            seats.add(new CoachSeat(seat.userId(), seat.capacity()));
        }
        if (!rules.ok()) {
            List<FieldError> errors = rules.errors();
            boolean onlyMembership = errors.stream().allMatch(error -> error.field().endsWith(".userId")
                    && !error.message().equals("is required") && !error.message().equals("is listed twice"));
            if (onlyMembership) {
                throw new RuleBroken("not-a-coach", "Not a coach of this organisation",
                        "Every coach of the pool must be an active member with the coach role: " + String.join("; ",
                                errors.stream().map(error -> error.field() + " " + error.message()).toList()) + ".",
                        errors);
            }
            rules.throwIfAny();
        }
        return seats;
    }

    private CoachPoolView view(CoachPool pool) {
        Map<String, Coach> coaches = pools.coaches(pool.organizationId()).stream()
                .collect(Collectors.toMap(Coach::userId, Function.identity(), (a, b) -> a));
        List<CoachPoolView.Seat> seats = pool.seats().stream().map(seat -> {
            Coach coach = coaches.get(seat.userId());
            long open = coach == null ? 0 : coach.openEnrollments();
            long openHere = coach == null ? 0 : coach.openFor(pool.microCredentialId());
            boolean active = coach != null && coach.active();
            boolean accepting = active && (seat.capacity() == null || openHere < seat.capacity());
            return new CoachPoolView.Seat(seat.userId(), coach == null ? null : coach.name(),
                    coach == null ? null : coach.email(), seat.capacity(), open, openHere, active, accepting);
        }).toList();
        return new CoachPoolView(pool.organizationId(), pool.microCredentialId(), pool.revision(), pool.updatedAt(),
                seats);
    }

    private void requireOwned(String organizationId, String microCredentialId) {
        Optional<String> owner = microCredentialId.length() > 128 ? Optional.empty() : owners.ownerOf(microCredentialId);
        if (owner.isEmpty() || !owner.get().equals(organizationId)) {
            throw new NotFound("Organisation " + organizationId + " has no micro-credential "
                    + microCredentialId + ".");
        }
    }

    private static PreconditionFailed stale(String microCredentialId, long current) {
        return new PreconditionFailed("precondition-failed", "Changed since you read it", "The pool of "
                + microCredentialId + " is at revision " + current + " now; read it again and send If-Match: \""
                + current + "\".");
    }
}
