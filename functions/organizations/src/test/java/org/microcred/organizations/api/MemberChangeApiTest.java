package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.organizations.support.Responses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.organizations.support.InMemoryUserAccounts;
import org.microcred.organizations.support.OrgCall;
import org.microcred.organizations.support.OrganizationFixture;
import org.microcred.organizations.support.Who;
import org.microcred.shared.identity.Role;

/**
 * Changing members with PATCH through the real OrganizationFunction handler against DynamoDB
 * Local: names, roles (the coach entry follows), deactivation (sessions end, open enrolments
 * show up for reassignment), If-Match, and the refusals: self-lockout, bad bodies, strangers.
 */
@WithEmulators
class MemberChangeApiTest {
    private static final String ORG = "brookfield";
    private static final InMemoryUserAccounts ACCOUNTS = new InMemoryUserAccounts();
    private static OrganizationFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new OrganizationFixture(stack, ACCOUNTS);
        fixture.createOrganization(ORG);
        fixture.createOrganization("elsewhere");
    }

    private static String member(String email, String... roles) {
        return fixture.addMember(ORG, email, "Given", "Family", roles).path("userId").asText();
    }

    private static APIGatewayV2HTTPResponse patch(String userId, Object body, Who who) {
        return fixture.call(OrgCall.patchMember(ORG, userId, body).as(who));
    }

    private static APIGatewayV2HTTPResponse patch(String userId, Object body) {
        return patch(userId, body, Who.orgAdmin(ORG));
    }

    @Test
    void patch_namesAndRoles_replacesThem_bumpsTheRevision_andGivesTheCoachEntry() {
        String userId = member("rosa.park@brookfield.example", "learner");

        APIGatewayV2HTTPResponse changed = patch(userId, Map.of("givenName", "Rosa", "familyName", "Parks",
                "roles", List.of("coach", "org-admin")));

        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        assertThat(changed.getHeaders()).containsEntry("etag", "\"2\"");
        JsonNode member = body(changed);
        assertThat(member.path("name").asText()).isEqualTo("Rosa Parks");
        assertThat(member.path("roles").toString()).isEqualTo("[\"coach\",\"org-admin\"]");
        assertThat(member.path("revision").asLong()).isEqualTo(2);
        assertThat(body(fixture.call(OrgCall.getMember(ORG, userId).as(Who.orgAdmin(ORG))))).isEqualTo(member);
        assertThat(fixture.members().find(ORG, userId).orElseThrow().roles()).containsExactly(Role.COACH, Role.ORG_ADMIN);
        assertThat(fixture.pools().coach(ORG, userId)).hasValueSatisfying(coach -> {
            assertThat(coach.active()).isTrue();
            assertThat(coach.name()).isEqualTo("Rosa Parks");
        });
        // Learner was taken away: the next token must say so, so the sessions end.
        assertThat(ACCOUNTS.signedOut()).contains("rosa.park@brookfield.example");
    }

    @Test
    void patch_onlyTheName_keepsTheRoles_andEndsNoSession() {
        String userId = member("sam.cole@brookfield.example", "learner", "coach");

        JsonNode member = body(patch(userId, Map.of("givenName", "Samuel")));

        assertThat(member.path("name").asText()).isEqualTo("Samuel Family");
        assertThat(member.path("roles").toString()).isEqualTo("[\"learner\",\"coach\"]");
        assertThat(ACCOUNTS.signedOut()).doesNotContain("sam.cole@brookfield.example");
    }

    @Test
    void patch_activeFalse_deactivates_endsTheSessions_andListsTheCoachsOpenEnrolments() {
        String userId = member("tara.diaz@brookfield.example", "coach");
        fixture.openEnrollment(ORG, "enr-tara-1", userId, "mc-reading");

        APIGatewayV2HTTPResponse changed = patch(userId, Map.of("active", false));

        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        JsonNode member = body(changed);
        assertThat(member.path("active").asBoolean()).isFalse();
        assertThat(member.path("roles").toString()).isEqualTo("[\"coach\"]");
        assertThat(member.path("needsReassignment").get(0).path("enrollmentId").asText()).isEqualTo("enr-tara-1");
        assertThat(ACCOUNTS.signedOut()).contains("tara.diaz@brookfield.example");
        assertThat(fixture.pools().coach(ORG, userId)).hasValueSatisfying(coach -> assertThat(coach.active()).isFalse());
        assertThat(list("false")).contains("tara.diaz@brookfield.example");
        assertThat(list("true")).doesNotContain("tara.diaz@brookfield.example");
    }

    @Test
    void patch_withTheRevisionRead_applies_withAStaleOne_is412AndChangesNothing() {
        String userId = member("uma.reed@brookfield.example", "learner");

        assertThat(fixture.call(OrgCall.patchMember(ORG, userId, Map.of("familyName", "Reid")).ifMatch("\"1\"")
                .as(Who.orgAdmin(ORG))).getStatusCode()).isEqualTo(200);
        problem(fixture.call(OrgCall.patchMember(ORG, userId, Map.of("familyName", "Read")).ifMatch("\"1\"")
                .as(Who.orgAdmin(ORG))), 412, null);

        assertThat(fixture.members().find(ORG, userId).orElseThrow().familyName()).isEqualTo("Reid");
    }

    @Test
    void patch_anAdminDeactivatingThemselvesOrDroppingTheirOwnAdminRole_is409_andChangesNothing() {
        String userId = member("vic.hale@brookfield.example", "org-admin");
        Who self = new Who(userId, ORG, "org-admin");

        JsonNode deactivate = problem(patch(userId, Map.of("active", false), self), 409, null);
        JsonNode demote = problem(patch(userId, Map.of("roles", List.of("coach")), self), 409, null);
        APIGatewayV2HTTPResponse rename = patch(userId, Map.of("givenName", "Victoria"), self);

        assertThat(deactivate.path("type").asText()).endsWith("/self-lockout");
        assertThat(demote.path("type").asText()).endsWith("/self-lockout");
        assertThat(rename.getStatusCode()).isEqualTo(200);
        var stored = fixture.members().find(ORG, userId).orElseThrow();
        assertThat(stored.active()).isTrue();
        assertThat(stored.roles()).containsExactly(Role.ORG_ADMIN);
    }

    @Test
    void patch_withABadBody_is400NamingTheField_andChangesNothing() {
        String userId = member("wes.ford@brookfield.example", "learner");

        problem(patch(userId, Map.of()), 400, "body");
        problem(patch(userId, Map.of("roles", List.of())), 400, "roles");
        problem(patch(userId, Map.of("roles", List.of("learner", "principal"))), 400, "roles[1]");
        problem(patch(userId, Map.of("roles", List.of("platform-admin"))), 400, "roles[0]");
        problem(patch(userId, Map.of("givenName", "Wes\r\nBcc: all@brookfield.example")), 400, "givenName");
        problem(patch(userId, Map.of("familyName", "")), 400, "familyName");
        problem(patch(userId, Map.of("active", "no")), 400, "active");
        problem(patch(userId, Map.of("email", "new@brookfield.example")), 400, "email");

        var stored = fixture.members().find(ORG, userId).orElseThrow();
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(stored.givenName()).isEqualTo("Given");
    }

    @Test
    void patch_byAnotherOrgsAdmin_is403_anUnknownMember_is404() {
        String userId = member("xia.chen@brookfield.example", "learner");

        problem(patch(userId, Map.of("active", false), Who.orgAdmin("elsewhere")), 403, null);
        problem(patch(userId, Map.of("active", false), Who.coach(ORG)), 403, null);
        problem(patch("u-nobody", Map.of("active", false)), 404, null);

        assertThat(fixture.members().find(ORG, userId).orElseThrow().active()).isTrue();
    }

    private static List<String> list(String active) {
        JsonNode listing = body(fixture.call(OrgCall.listMembers(ORG).query("active", active).query("limit", "100")
                .as(Who.orgAdmin(ORG))));
        return listing.path("items").findValuesAsText("email");
    }
}
