package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcred.emulators.junit.ApiResponses.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.emulators.moto.MotoServer;
import org.microcred.emulators.moto.WithMoto;
import org.microcred.organizations.accounts.CognitoUserAccounts;
import org.microcred.organizations.support.OrgCall;
import org.microcred.organizations.support.OrganizationFixture;
import org.microcred.organizations.support.Who;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Members through the real OrganizationFunction handler with the real {@link CognitoUserAccounts}:
 * records in DynamoDB Local, accounts in moto's Cognito user pool (configured like
 * template.yaml's UserPool). What the other member tests take on trust from the in-memory
 * accounts is checked here against the user pool.
 */
@WithEmulators
@WithMoto
class MemberAccountsMotoTest {
    private static final String ORG = "pinewood";
    private static CognitoIdentityProviderClient cognito;
    private static String userPoolId;
    private static OrganizationFixture fixture;

    @BeforeAll
    static void start(TestStack stack, MotoServer moto) {
        cognito = moto.cognitoIdentityProvider();
        userPoolId = moto.userPoolLikeTemplate();
        fixture = new OrganizationFixture(stack, new CognitoUserAccounts(cognito, userPoolId));
        fixture.createOrganization(ORG);
        fixture.createOrganization("cedar");
    }

    @Test
    void add_makesAnInvitedCognitoAccount_whoseSubIsTheMembersUserId() {
        JsonNode member = fixture.addMember(ORG, "Nora.Quinn@Pinewood.example", "Nora", "Quinn", "coach");

        var user = cognito.adminGetUser(get -> get.userPoolId(userPoolId).username("nora.quinn@pinewood.example"));
        assertThat(attributes(user.userAttributes()))
                .containsEntry("sub", member.path("userId").asText())
                .containsEntry("email", "nora.quinn@pinewood.example")
                .containsEntry("email_verified", "true")
                .containsEntry("given_name", "Nora")
                .containsEntry("family_name", "Quinn")
                .containsEntry("name", "Nora Quinn");
        // Invited: the first sign-in asks for a new password instead of the emailed temporary one.
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void add_someoneWithAnAccountToASecondOrganisation_reusesTheAccount() {
        String first = fixture.addMember(ORG, "omar.said@pinewood.example", "Omar", "Said", "learner")
                .path("userId").asText();

        APIGatewayV2HTTPResponse second = fixture.call(OrgCall.addMember("cedar", Map.of("email",
                "OMAR.SAID@pinewood.example", "givenName", "Omar", "familyName", "Said", "roles", List.of("coach")))
                .as(Who.orgAdmin("cedar")));

        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(201);
        assertThat(body(second).path("userId").asText()).isEqualTo(first);
        assertThat(cognito.listUsers(list -> list.userPoolId(userPoolId).filter("email = \"omar.said@pinewood.example\""))
                .users()).hasSize(1);
    }

    @Test
    void deactivating_endsTheAccountsSessions_itsRefreshTokenStopsWorking() {
        String userId = fixture.addMember(ORG, "pia.lund@pinewood.example", "Pia", "Lund", "learner")
                .path("userId").asText();
        String refreshToken = signIn("pia.lund@pinewood.example");

        APIGatewayV2HTTPResponse deactivated = fixture.call(OrgCall.patchMember(ORG, userId, Map.of("active", false))
                .as(Who.orgAdmin(ORG)));

        assertThat(deactivated.getStatusCode()).as(deactivated.getBody()).isEqualTo(200);
        assertThatThrownBy(() -> refresh(refreshToken)).isInstanceOf(NotAuthorizedException.class);
    }

    /**
     * Signs in with a password set by an admin, as a person would after the invitation; returns
     * the refresh token. moto ties the session to the name signed in with, so this signs in with
     * the account's own username (Cognito accepts it as well as the address).
     */
    private static String signIn(String email) {
        String username = cognito.adminGetUser(get -> get.userPoolId(userPoolId).username(email)).username();
        cognito.adminSetUserPassword(set -> set.userPoolId(userPoolId).username(username)
                .password("Correct-Horse-Battery-9").permanent(true));
        var result = cognito.adminInitiateAuth(auth -> auth.userPoolId(userPoolId).clientId(clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Correct-Horse-Battery-9")))
                .authenticationResult();
        assertThat(refresh(result.refreshToken())).isNotBlank();
        return result.refreshToken();
    }

    private static String refresh(String refreshToken) {
        return cognito.adminInitiateAuth(auth -> auth.userPoolId(userPoolId).clientId(clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
                .authenticationResult().idToken();
    }

    private static String clientId() {
        var clients = cognito.listUserPoolClients(list -> list.userPoolId(userPoolId).maxResults(1)).userPoolClients();
        if (!clients.isEmpty()) {
            return clients.get(0).clientId();
        }
        return cognito.createUserPoolClient(client -> client.userPoolId(userPoolId).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }
}
