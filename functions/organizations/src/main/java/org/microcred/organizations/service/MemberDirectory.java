package org.microcred.organizations.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.microcred.organizations.accounts.Account;
import org.microcred.organizations.accounts.AccountRefusedException;
import org.microcred.organizations.accounts.NewAccount;
import org.microcred.organizations.accounts.UserAccounts;
import org.microcred.organizations.model.Listing;
import org.microcred.organizations.model.MemberPatch;
import org.microcred.organizations.model.MemberView;
import org.microcred.records.learning.CoachedEnrollments;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.core.Page;
import org.microcred.records.organizations.RecordConflictException;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.PreconditionFailed;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * An organisation's members: adding people (with a sign-in account and an invitation),
 * changing their roles and names, deactivating them. Used by the members routes and, row by
 * row, by roster imports.
 */
public final class MemberDirectory {
    private final OrganizationProfiles profiles;
    private final Members members;
    private final UserAccounts accounts;
    private final CoachedEnrollments coached;
    private final Clock clock;

    public MemberDirectory(OrganizationProfiles profiles, Members members, UserAccounts accounts,
                           CoachedEnrollments coached, Clock clock) {
        this.profiles = profiles;
        this.members = members;
        this.accounts = accounts;
        this.coached = coached;
        this.clock = clock;
    }

    /** {@code POST /orgs/{orgId}/members}: a person new to the organisation; 409 if they are in it. */
    public MemberView add(Caller caller, String organizationId, MemberInput input) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOrganization(organizationId);
        Optional<Membership> existing = inOrganization(organizationId, input.email());
        if (existing.isPresent()) {
            throw alreadyMember(input.email(), existing.get());
        }
        MemberOutcome outcome = upsert(organizationId, input, false);
        if (outcome.kind() != MemberOutcome.Kind.CREATED) {
            throw alreadyMember(input.email(), outcome.member());
        }
        return MemberView.of(outcome.member());
    }

    /**
     * Adds the person or brings their membership in line with {@code input}: names are set,
     * roles are added (a roster never takes away a role an admin gave), {@code active} is applied
     * when given. Doing it twice changes nothing the second time.
     *
     * @param dryRun report what would happen; write nothing and create no account
     */
    public MemberOutcome upsert(String organizationId, MemberInput input, boolean dryRun) {
        Optional<Membership> existing = inOrganization(organizationId, input.email());
        String now = clock.instant().toString();
        if (existing.isEmpty()) {
            List<Role> roles = ordered(input.roles());
            boolean active = input.active() == null || input.active();
            if (dryRun) {
                return new MemberOutcome(MemberOutcome.Kind.CREATED, new Membership(organizationId, null,
                        input.email(), input.givenName(), input.familyName(), roles, active, input.sourcedId(), 0,
                        null, null));
            }
            Account account = provision(input);
            Membership created = new Membership(organizationId, account.userId(), input.email(), input.givenName(),
                    input.familyName(), roles, active, input.sourcedId(), 1, now, now);
            try {
                members.add(created);
                return new MemberOutcome(MemberOutcome.Kind.CREATED, created);
            } catch (RecordConflictException raced) {
                // Added by a concurrent request or an earlier attempt of this one: update it instead.
                return upsert(organizationId, input, false);
            }
        }
        Membership current = existing.get();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(current.roles());
        roles.addAll(input.roles());
        Membership wanted = new Membership(organizationId, current.userId(), current.email(), input.givenName(),
                input.familyName(), ordered(roles), input.active() == null ? current.active() : input.active(),
                input.sourcedId() == null ? current.sourcedId() : input.sourcedId(), current.revision() + 1,
                current.createdAt(), now);
        if (sameContent(current, wanted)) {
            return new MemberOutcome(MemberOutcome.Kind.UNCHANGED, current);
        }
        if (dryRun) {
            return new MemberOutcome(MemberOutcome.Kind.UPDATED, wanted);
        }
        try {
            members.replace(wanted, current.revision());
        } catch (RecordConflictException raced) {
            return upsert(organizationId, input, false);
        }
        if (current.active() && !wanted.active()) {
            signOut(current);
        }
        return new MemberOutcome(MemberOutcome.Kind.UPDATED, wanted);
    }

    public Listing<MemberView> list(Caller caller, String organizationId, Optional<Role> role, Optional<String> text,
                                    Optional<Boolean> active, Optional<String> cursor, int limit) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        requireOrganization(organizationId);
        Page<Membership> page = members.list(organizationId, role, text, active, cursor, limit);
        return new Listing<>(page.items().stream().map(MemberView::of).toList(), page.nextCursor().orElse(null));
    }

    /** One member; a deactivated coach comes with the enrolments that still need another coach. */
    public MemberView get(Caller caller, String organizationId, String userId) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        Membership member = existing(organizationId, userId);
        return view(member);
    }

    /**
     * {@code PATCH}: names, roles (replacing them) and {@code active}. Deactivating ends the
     * person's sessions, so their next token carries no role here; their records stay.
     */
    public MemberView patch(Caller caller, String organizationId, String userId, MemberPatch patch,
                            Optional<Long> ifMatch) {
        OrganizationAccess.requireAdminOf(caller, organizationId);
        MemberPatch valid = MemberRules.patch(patch);
        Membership current = existing(organizationId, userId);
        if (ifMatch.isPresent() && ifMatch.get() != current.revision()) {
            throw stale(current);
        }
        Set<Role> roles = valid.roles() == null ? EnumSet.copyOf(nonEmpty(current.roles()))
                : MemberRules.roles(valid.roles());
        boolean active = valid.active() == null ? current.active() : valid.active();
        if (userId.equals(caller.userId()) && !caller.has(Role.PLATFORM_ADMIN)
                && (!active || !roles.contains(Role.ORG_ADMIN))) {
            throw new Conflict("self-lockout", "You would lock yourself out", "You cannot deactivate "
                    + "yourself or remove your own org-admin role; ask another administrator of "
                    + organizationId + ".");
        }
        Membership updated = new Membership(organizationId, userId, current.email(),
                valid.givenName() == null ? current.givenName() : valid.givenName(),
                valid.familyName() == null ? current.familyName() : valid.familyName(), ordered(roles), active,
                current.sourcedId(), current.revision() + 1, current.createdAt(), clock.instant().toString());
        if (sameContent(current, updated)) {
            return view(current);
        }
        try {
            members.replace(updated, current.revision());
        } catch (RecordConflictException e) {
            throw stale(members.find(organizationId, userId).orElse(current));
        }
        if (current.active() && !updated.active()
                || current.roles().size() > updated.roles().size() || !updated.roles().containsAll(current.roles())) {
            // Fewer rights now: end the sessions so the next token (from the trigger) says so.
            signOut(updated);
        }
        return view(updated);
    }

    private MemberView view(Membership member) {
        boolean inactiveCoach = (!member.active() || !member.has(Role.COACH));
        List<MemberView.CoachedEnrollment> open = inactiveCoach
                ? coached.openOf(member.organizationId(), member.userId()).stream()
                        .map(e -> new MemberView.CoachedEnrollment(e.enrollmentId(), e.status().json(),
                                e.microCredentialId(), e.title(), e.learnerName())).toList()
                : null;
        return MemberView.of(member, open == null || open.isEmpty() ? null : open);
    }

    private Account provision(MemberInput input) {
        try {
            return accounts.provision(new NewAccount(input.email(), input.givenName(), input.familyName(), true));
        } catch (AccountRefusedException e) {
            throw new Invalid(e.field(), e.getMessage());
        }
    }

    private void signOut(Membership member) {
        accounts.findByEmail(member.email()).ifPresent(accounts::signOutEverywhere);
    }

    private Optional<Membership> inOrganization(String organizationId, String email) {
        return members.byEmail(email).stream()
                .filter(member -> member.organizationId().equals(organizationId)).findFirst();
    }

    private Membership existing(String organizationId, String userId) {
        return members.find(organizationId, userId).orElseThrow(() -> new NotFound(
                "Organisation " + organizationId + " has no member " + userId + "."));
    }

    private void requireOrganization(String organizationId) {
        if (profiles.find(organizationId).isEmpty()) {
            throw new NotFound("There is no organisation " + organizationId + ".");
        }
    }

    private static boolean sameContent(Membership a, Membership b) {
        return Objects.equals(a.givenName(), b.givenName()) && Objects.equals(a.familyName(), b.familyName())
                && a.roles().equals(b.roles()) && a.active() == b.active()
                && Objects.equals(a.sourcedId(), b.sourcedId());
    }

    private static List<Role> ordered(java.util.Collection<Role> roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        return new ArrayList<>(set);
    }

    private static java.util.Collection<Role> nonEmpty(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles;
    }

    private static Conflict alreadyMember(String email, Membership member) {
        return new Conflict("conflict", "Already a member", email + " is a member of "
                + member.organizationId() + " already (user " + member.userId() + "); change them with PATCH /orgs/"
                + member.organizationId() + "/members/" + member.userId() + ".",
                List.of(new org.microcred.shared.domain.FieldError("email", "is a member already")));
    }

    private static PreconditionFailed stale(Membership current) {
        return new PreconditionFailed("precondition-failed", "Changed since you read it", "The member is at revision "
                + current.revision() + " now; read them again and send If-Match: \"" + current.revision() + "\".");
    }
}
