package org.microcred.shared.identity;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Unauthenticated;

/**
 * Who is calling, as the API Gateway JWT authorizer vouched for them. Handlers never verify
 * tokens themselves: a route with an authorizer only runs once the token was checked.
 */
public record Caller(String userId, String email, String name, String organizationId, Set<Role> roles) {
    public static final String CLAIM_GROUPS = "cognito:groups";
    public static final String CLAIM_ORGANIZATION = "custom:orgId";
    /**
     * Set by the Pre Token Generation trigger when the person's records know them by another id
     * than this account's {@code sub} (a federated sign-in matched to a membership by address).
     */
    public static final String CLAIM_USER_ID = "microcred:userId";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller anonymous() {
        return new Caller(null, null, null, null, Set.of());
    }

    /** Reads the claims API Gateway put in {@code requestContext.authorizer.jwt.claims}. */
    public static Caller from(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
        if (claims.get("sub") == null) {
            return anonymous();
        }
        String organizationId = claims.get(CLAIM_ORGANIZATION);
        String recordedId = claims.get(CLAIM_USER_ID);
        return new Caller(recordedId == null || recordedId.isBlank() ? claims.get("sub") : recordedId,
                claims.get("email"), claims.get("name"),
                organizationId == null || organizationId.isBlank() ? null : organizationId,
                parseGroups(claims.get(CLAIM_GROUPS)));
    }

    /**
     * API Gateway flattens the groups array claim to a string such as {@code [learner coach]};
     * a comma-separated or JSON form is accepted too so a claim format change cannot lock users out.
     */
    static Set<Role> parseGroups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String token : claim.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+")) {
            Role.fromGroup(token.trim()).ifPresent(roles::add);
        }
        return roles;
    }

    public boolean isAuthenticated() {
        return userId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Fails with 401 for anonymous callers and 403 for callers without the role. */
    public Caller require(Role role) {
        if (!isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        if (roles.isEmpty()) {
            // A federated sign-in that no organisation has added yet, or a deactivated member.
            throw new Forbidden("Your account is not an active member of any organisation, so it has no role "
                    + "here yet: ask your organisation's microcred administrator to add you (or to reactivate you), "
                    + "then sign in again.");
        }
        if (!has(role)) {
            throw new Forbidden("This needs the " + role.group() + " role, which your account does not have.");
        }
        return this;
    }

    /** Fails with 403 unless the caller is an admin of the given organisation (or a platform admin). */
    public Caller requireAdminOf(String organizationIdToTouch) {
        if (has(Role.PLATFORM_ADMIN)) {
            return this;
        }
        require(Role.ORG_ADMIN);
        if (organizationId == null || !organizationId.equals(organizationIdToTouch)) {
            throw new Forbidden("Only administrators of the organisation that owns it may change it.");
        }
        return this;
    }
}
