package org.microcred.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.shared.domain.DomainException;
import org.microcred.shared.http.Problems;

/** Who is calling, from the claims the JWT authorizer passes on. */
class CallerTest {

    @Test
    void from_readsOrganisationAndFlattenedGroups() {
        Caller caller = Caller.from(event(Map.of("sub", "u-1", "custom:orgId", "org-a", "cognito:groups", "[learner coach]")));

        assertThat(caller.organizationId()).isEqualTo("org-a");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.COACH);
    }

    @Test
    void from_federatedSignInMatchedToAMembership_isKnownByTheMembersId() {
        Caller caller = Caller.from(event(Map.of("sub", "google-account-sub", "microcred:userId", "member-sub")));

        assertThat(caller.userId()).isEqualTo("member-sub");
    }

    @Test
    void from_blankOrganisationClaim_meansNoOrganisation() {
        assertThat(Caller.from(event(Map.of("sub", "u-1", "custom:orgId", ""))).organizationId()).isNull();
    }

    @Test
    void require_signedInWithoutAnyRole_is403SayingWhoCanHelp() {
        Caller notYetAMember = Caller.from(event(Map.of("sub", "u-federated", "email", "new@district.example")));

        DomainException problem = catchThrowableOfType(DomainException.class, () -> notYetAMember.require(Role.LEARNER));

        assertThat(Problems.status(problem)).isEqualTo(403);
        assertThat(problem.getMessage()).contains("not an active member of any organisation")
                .contains("administrator");
    }

    @Test
    void require_withOtherRole_is403NamingTheRole() {
        Caller coach = Caller.from(event(Map.of("sub", "u-2", "cognito:groups", "[coach]")));

        DomainException problem = catchThrowableOfType(DomainException.class, () -> coach.require(Role.ORG_ADMIN));

        assertThat(Problems.status(problem)).isEqualTo(403);
        assertThat(problem.getMessage()).contains("org-admin role");
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        return event;
    }
}
