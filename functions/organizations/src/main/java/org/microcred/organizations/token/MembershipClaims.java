package org.microcred.organizations.token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.PlatformAdministrator;
import org.microcred.shared.identity.Role;

/**
 * Builds a token's organisation and roles from the membership records: the one code path behind
 * the Cognito Pre Token Generation trigger and the local dev identity provider.
 *
 * <p>A membership counts when it is active and is the person's: made for this very account
 * ({@code userId} = {@code sub}), or found by an email address the pool verified, or, for a
 * federated user, an address at one of the organisation's own domains (its identity provider
 * vouches for those). Someone in several organisations acts in the one their account was added
 * to first.
 */
public final class MembershipClaims {
    private final Members members;
    private final OrganizationProfiles profiles;

    public MembershipClaims(Members members, OrganizationProfiles profiles) {
        this.members = members;
        this.profiles = profiles;
    }

    public TokenClaims claimsFor(SignIn signIn) {
        if (signIn.email() == null || signIn.email().isBlank() || signIn.userId() == null) {
            return TokenClaims.NONE;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Optional<PlatformAdministrator> administrator = members.platformAdministratorByEmail(signIn.email())
                .filter(PlatformAdministrator::active)
                .filter(admin -> admin.userId().equals(signIn.userId()) || signIn.emailVerified());
        administrator.ifPresent(admin -> roles.add(Role.PLATFORM_ADMIN));
        Optional<Membership> membership = members.byEmail(signIn.email()).stream()
                .filter(Membership::active)
                .filter(member -> isTheirs(member, signIn))
                .min(Comparator.comparing((Membership member) -> !member.userId().equals(signIn.userId()))
                        .thenComparing(member -> member.createdAt() == null ? "" : member.createdAt())
                        .thenComparing(Membership::organizationId));
        membership.ifPresent(member -> roles.addAll(member.roles()));
        List<String> groups = new ArrayList<>();
        roles.forEach(role -> groups.add(role.group()));
        String userId = membership.map(Membership::userId)
                .or(() -> administrator.map(PlatformAdministrator::userId)).orElse(null);
        return new TokenClaims(membership.map(Membership::organizationId).orElse(null), groups, userId);
    }

    private boolean isTheirs(Membership member, SignIn signIn) {
        if (member.userId().equals(signIn.userId()) || signIn.emailVerified()) {
            return true;
        }
        return signIn.federated() && profiles.find(member.organizationId())
                .map(profile -> profile.admitsDomainOf(signIn.email())).orElse(false);
    }
}
