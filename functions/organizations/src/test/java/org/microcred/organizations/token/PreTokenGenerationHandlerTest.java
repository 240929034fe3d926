package org.microcred.organizations.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.records.organizations.EligibilityMode;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.records.organizations.PlatformAdministrator;
import org.microcred.shared.identity.Role;

/**
 * The Cognito Pre Token Generation trigger as Lambda runs it: Cognito-shaped V1_0 events
 * (sign-in, refresh, hosted UI with a federated identity provider) read from JSON the way the
 * Java runtime reads them, the membership records in DynamoDB Local, and the answer written
 * back to JSON the way the runtime writes it, in the shape Cognito reads:
 * {@code response.claimsOverrideDetails.{claimsToAddOrOverride, claimsToSuppress,
 * groupOverrideDetails.groupsToOverride}}.
 */
@WithEmulators
class PreTokenGenerationHandlerTest {
    /**
     * The settings of aws-lambda-java-serialization's JacksonFactory that matter here: the Java
     * runtime (de)serialises event classes it has no special serializer for, the Cognito user
     * pool events among them, with that mapper.
     */
    private static final ObjectMapper LAMBDA_RUNTIME = JsonMapper.builder()
            .enable(MapperFeature.USE_STD_BEAN_NAMING)
            .disable(MapperFeature.AUTO_DETECT_CREATORS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final String ORG = "riverbend-usd";
    private static final String NOW = "2026-09-01T08:00:00Z";

    private static PreTokenGenerationHandler handler;
    private static Members members;

    @BeforeAll
    static void start(TestStack stack) {
        handler = new PreTokenGenerationHandler(stack.environment("PreTokenGenerationFunction"));
        OrganizationsTable table = new OrganizationsTable(stack.dynamoDb(), stack.tableName("OrganizationsTable"));
        members = new Members(table);
        new OrganizationProfiles(table).create(new OrganizationProfile(ORG, "Riverbend USD", "district", null,
                EligibilityMode.DOMAINS, List.of("riverbend.k12.example"), 5, "America/Chicago",
                List.of("MON", "TUE", "WED", "THU", "FRI"), null, 1, NOW, NOW));
    }

    private static Membership member(String userId, String email, boolean active, Role... roles) {
        Membership member = new Membership(ORG, userId, email, "Given", "Family", List.of(roles), active, null, 1,
                NOW, NOW);
        members.add(member);
        return member;
    }

    @Test
    void signIn_ofAnActiveMember_addsTheOrganisation_andOverridesTheGroupsWithTheirRoles() {
        member("sub-active", "ana.active@riverbend.k12.example", true, Role.LEARNER, Role.COACH);

        JsonNode answer = trigger(signIn("TokenGeneration_Authentication", "sub-active",
                "ana.active@riverbend.k12.example", true));

        JsonNode details = answer.path("response").path("claimsOverrideDetails");
        assertThat(details.path("claimsToAddOrOverride").toString()).isEqualTo("{\"custom:orgId\":\"riverbend-usd\"}");
        assertThat(details.path("groupOverrideDetails").path("groupsToOverride").toString())
                .isEqualTo("[\"learner\",\"coach\"]");
        assertThat(details.has("claimsToSuppress")).isFalse();
        // Nothing of the request is lost on the way back to Cognito.
        assertThat(answer.path("triggerSource").asText()).isEqualTo("TokenGeneration_Authentication");
        assertThat(answer.path("userPoolId").asText()).isEqualTo("us-east-1_Ab12Cd34E");
        assertThat(answer.path("request").path("userAttributes").path("sub").asText()).isEqualTo("sub-active");
    }

    @Test
    void refresh_afterADeactivation_carriesNoGroups_andSuppressesTheOrganisationClaim() {
        Membership member = member("sub-leaving", "ben.leaving@riverbend.k12.example", true, Role.ORG_ADMIN);
        ObjectNode refresh = signIn("TokenGeneration_RefreshTokens", "sub-leaving", "ben.leaving@riverbend.k12.example",
                true);
        assertThat(groups(trigger(refresh))).containsExactly("org-admin");

        members.replace(new Membership(ORG, member.userId(), member.email(), member.givenName(), member.familyName(),
                member.roles(), false, null, 2, NOW, NOW), 1);
        JsonNode details = trigger(refresh).path("response").path("claimsOverrideDetails");

        assertThat(details.path("groupOverrideDetails").path("groupsToOverride").toString()).isEqualTo("[]");
        assertThat(details.path("claimsToSuppress").toString()).isEqualTo("[\"custom:orgId\"]");
        assertThat(details.has("claimsToAddOrOverride")).isFalse();
    }

    @Test
    void hostedSignIn_ofAFederatedUserNobodyAdded_getsNoRoles() {
        JsonNode details = trigger(federated("sub-stranger", "stranger@gmail.example", true))
                .path("response").path("claimsOverrideDetails");

        assertThat(details.path("groupOverrideDetails").path("groupsToOverride").toString()).isEqualTo("[]");
        assertThat(details.path("claimsToSuppress").toString()).isEqualTo("[\"custom:orgId\"]");
    }

    @Test
    void hostedSignIn_ofAFederatedUser_whoseVerifiedAddressAnAdminAddedBeforeTheirFirstSignIn_getsThatMembership() {
        // Added by an org admin: the member's userId is the sub of the account made then, not this one.
        member("sub-made-by-admin", "cara.new@riverbend.k12.example", true, Role.LEARNER);

        JsonNode details = trigger(federated("sub-google-cara", "Cara.New@riverbend.k12.example", true))
                .path("response").path("claimsOverrideDetails");

        assertThat(details.path("claimsToAddOrOverride").path("custom:orgId").asText()).isEqualTo(ORG);
        assertThat(details.path("groupOverrideDetails").path("groupsToOverride").toString()).isEqualTo("[\"learner\"]");
        assertThat(details.path("claimsToAddOrOverride").path("microcred:userId").asText())
                .as("the API knows her by the member's id, not the federated account's sub")
                .isEqualTo("sub-made-by-admin");
    }

    @Test
    void hostedSignIn_withAnUnverifiedAddress_countsOnlyAtTheOrganisationsOwnDomain() {
        // The district's identity provider vouches for addresses at the district's domains.
        member("sub-added-eli", "eli.park@riverbend.k12.example", true, Role.COACH);
        member("sub-added-fay", "fay.lim@partner.example", true, Role.COACH);

        assertThat(groups(trigger(federated("sub-google-eli", "eli.park@riverbend.k12.example", false))))
                .containsExactly("coach");
        assertThat(groups(trigger(federated("sub-google-fay", "fay.lim@partner.example", false)))).isEmpty();
    }

    @Test
    void aSignInWithAnUnverifiedAddress_doesNotTakeSomeoneElsesMembership() {
        member("sub-owner", "dan.owner@partner.example", true, Role.ORG_ADMIN);

        JsonNode answer = trigger(signIn("TokenGeneration_Authentication", "sub-impostor", "dan.owner@partner.example",
                false));

        assertThat(groups(answer)).isEmpty();
        assertThat(answer.path("response").path("claimsOverrideDetails").path("claimsToSuppress").toString())
                .isEqualTo("[\"custom:orgId\"]");
    }

    @Test
    void aPlatformAdministrator_getsPlatformAdmin_andNoOrganisation() {
        members.addPlatformAdministrator(new PlatformAdministrator("sub-platform", "ops@microcred.example",
                "Platform Ops", true, NOW));

        JsonNode details = trigger(signIn("TokenGeneration_Authentication", "sub-platform", "ops@microcred.example",
                true)).path("response").path("claimsOverrideDetails");

        assertThat(details.path("groupOverrideDetails").path("groupsToOverride").toString())
                .isEqualTo("[\"platform-admin\"]");
        assertThat(details.path("claimsToSuppress").toString()).isEqualTo("[\"custom:orgId\"]");
    }

    /** Runs the handler on the event as the Java runtime would: from JSON, and back to JSON. */
    private static JsonNode trigger(ObjectNode event) {
        try {
            CognitoUserPoolPreTokenGenerationEvent parsed = LAMBDA_RUNTIME.treeToValue(event,
                    CognitoUserPoolPreTokenGenerationEvent.class);
            CognitoUserPoolPreTokenGenerationEvent answered = handler.handleRequest(parsed,
                    new LambdaTestContext("PreTokenGenerationFunction"));
            return LAMBDA_RUNTIME.readTree(LAMBDA_RUNTIME.writeValueAsString(answered));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups the token will carry; absent (no override at all) fails the test. */
    private static List<String> groups(JsonNode answer) {
        JsonNode groups = answer.path("response").path("claimsOverrideDetails").path("groupOverrideDetails")
                .path("groupsToOverride");
        assertThat(groups.isArray()).as("groupsToOverride in %s", answer).isTrue();
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.add(group.asText()));
        return names;
    }

    private static ObjectNode signIn(String triggerSource, String sub, String email, boolean verified) {
        ObjectNode event = event("pre-token-generation-sign-in.json");
        event.put("triggerSource", triggerSource).put("userName", sub);
        attributes(event).put("sub", sub).put("email", email).put("email_verified", Boolean.toString(verified));
        return event;
    }

    private static ObjectNode federated(String sub, String email, boolean verified) {
        ObjectNode event = event("pre-token-generation-federated.json");
        attributes(event).put("sub", sub).put("email", email).put("email_verified", Boolean.toString(verified));
        return event;
    }

    private static ObjectNode attributes(ObjectNode event) {
        return (ObjectNode) event.path("request").path("userAttributes");
    }

    private static ObjectNode event(String name) {
        try (InputStream in = PreTokenGenerationHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return (ObjectNode) LAMBDA_RUNTIME.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
