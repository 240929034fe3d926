package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.organizations.support.Responses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.organizations.support.InMemoryUserAccounts;
import org.microcred.organizations.support.OrgCall;
import org.microcred.organizations.support.OrganizationFixture;
import org.microcred.organizations.support.Who;
import org.microcred.shared.json.Json;

/**
 * Adding, listing and reading an organisation's members through the real OrganizationFunction
 * handler against DynamoDB Local, with in-memory sign-in accounts (the Cognito ones are in
 * {@link MemberAccountsMotoTest}). Changing members is {@link MemberChangeApiTest}.
 */
@WithEmulators
class MemberApiTest {
    private static final InMemoryUserAccounts ACCOUNTS = new InMemoryUserAccounts();
    private static OrganizationFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new OrganizationFixture(stack, ACCOUNTS);
        fixture.createOrganization("lakeside");
        fixture.createOrganization("hillcrest");
        for (String[] person : List.of(
                new String[] {"ana.lopez@lakeside.example", "Ana", "Lopez", "learner"},
                new String[] {"ben.okafor@lakeside.example", "Ben", "Okafor", "coach"},
                new String[] {"carla.ng@lakeside.example", "Carla", "Ng", "learner"},
                new String[] {"dev.patel@lakeside.example", "Dev", "Patel", "coach"},
                new String[] {"eve.lopez@lakeside.example", "Eve", "Lopez", "org-admin"})) {
            fixture.addMember("lakeside", person[0], person[1], person[2], person[3]);
        }
        fixture.addMember("hillcrest", "hana.sato@hillcrest.example", "Hana", "Sato", "learner");
        fixture.addMember("hillcrest", "ivan.petrov@hillcrest.example", "Ivan", "Petrov", "coach");
    }

    private static APIGatewayV2HTTPResponse call(OrgCall call) {
        return fixture.call(call);
    }

    private static Map<String, Object> person(String email, String given, String family, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("roles", roles);
        return body;
    }

    @Test
    void add_asItsAdmin_makesASignInAccount_andTheMember_201WithLocationAndEtag() {
        int accounts = ACCOUNTS.created();

        APIGatewayV2HTTPResponse added = call(OrgCall.addMember("hillcrest",
                person("Maria.Delgado@Hillcrest.example", "Maria", "Delgado", List.of("learner", "coach")))
                .as(Who.orgAdmin("hillcrest")));

        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        JsonNode member = body(added);
        String userId = ACCOUNTS.findByEmail("maria.delgado@hillcrest.example").orElseThrow().userId();
        assertThat(ACCOUNTS.created()).isEqualTo(accounts + 1);
        assertThat(member.path("userId").asText()).isEqualTo(userId);
        assertThat(member.path("organizationId").asText()).isEqualTo("hillcrest");
        assertThat(member.path("email").asText()).isEqualTo("maria.delgado@hillcrest.example");
        assertThat(member.path("name").asText()).isEqualTo("Maria Delgado");
        assertThat(member.path("roles").toString()).isEqualTo("[\"learner\",\"coach\"]");
        assertThat(member.path("active").asBoolean()).isTrue();
        assertThat(member.path("revision").asLong()).isEqualTo(1);
        assertThat(added.getHeaders()).containsEntry("location", "/orgs/hillcrest/members/" + userId)
                .containsEntry("etag", "\"1\"");
        // A coach has the entry enrolment counts loads on, written with the membership.
        assertThat(fixture.pools().coach("hillcrest", userId)).hasValueSatisfying(coach ->
                assertThat(coach.active()).isTrue());
    }

    @Test
    void add_someoneAlreadyAMember_inAnyCase_is409NamingEmail_andMakesNoSecondAccount() {
        int accounts = ACCOUNTS.created();
        int items = fixture.itemCount();

        problem(call(OrgCall.addMember("lakeside", person("ANA.LOPEZ@lakeside.example", "Ana", "Lopez",
                List.of("coach"))).as(Who.orgAdmin("lakeside"))), 409, "email");

        assertThat(ACCOUNTS.created()).isEqualTo(accounts);
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void add_aMemberOfAnotherOrganisation_reusesTheirAccount() {
        String userId = ACCOUNTS.findByEmail("ben.okafor@lakeside.example").orElseThrow().userId();
        int accounts = ACCOUNTS.created();

        APIGatewayV2HTTPResponse added = call(OrgCall.addMember("hillcrest", person("ben.okafor@lakeside.example",
                "Ben", "Okafor", List.of("learner"))).as(Who.orgAdmin("hillcrest")));

        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        assertThat(body(added).path("userId").asText()).isEqualTo(userId);
        assertThat(ACCOUNTS.created()).isEqualTo(accounts);
    }

    @Test
    void add_byAnotherOrgsAdminOrACoach_is403_andWritesNothing() {
        int items = fixture.itemCount();
        Map<String, Object> body = person("intruder@lakeside.example", "In", "Truder", List.of("org-admin"));

        problem(call(OrgCall.addMember("lakeside", body).as(Who.orgAdmin("hillcrest"))), 403, null);
        problem(call(OrgCall.addMember("lakeside", body).as(Who.coach("lakeside"))), 403, null);

        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(ACCOUNTS.findByEmail("intruder@lakeside.example")).isEmpty();
    }

    @Test
    void add_toAnOrganisationThatDoesNotExist_is404() {
        problem(call(OrgCall.addMember("atlantis", person("someone@atlantis.example", "Some", "One",
                List.of("learner"))).as(Who.platformAdmin())), 404, null);

        assertThat(ACCOUNTS.findByEmail("someone@atlantis.example")).isEmpty();
    }

    static Stream<Arguments> badMembers() {
        List<String> learner = List.of("learner");
        return Stream.of(
                Arguments.of("an unknown role", "roles[0]", person("r1@lakeside.example", "R", "One", List.of("principal"))),
                Arguments.of("platform-admin, not an organisation's to give", "roles[1]",
                        person("r2@lakeside.example", "R", "Two", List.of("learner", "platform-admin"))),
                Arguments.of("no role", "roles", person("r3@lakeside.example", "R", "Three", List.of())),
                Arguments.of("a malformed email", "email", person("r4 at lakeside", "R", "Four", learner)),
                Arguments.of("an email with CR/LF", "email",
                        person("r5@lakeside.example\r\nBcc: all@lakeside.example", "R", "Five", learner)),
                Arguments.of("a given name with LF", "givenName", person("r6@lakeside.example", "R\nX", "Six", learner)),
                Arguments.of("a family name with CR", "familyName", person("r7@lakeside.example", "R", "Se\rven", learner)),
                Arguments.of("no given name", "givenName", person("r8@lakeside.example", " ", "Eight", learner)),
                Arguments.of("an address the user pool refuses", "email",
                        person("kim@" + InMemoryUserAccounts.REFUSED_DOMAIN, "Kim", "Refused", learner)));
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @MethodSource("badMembers")
    void add_withABadField_is400NamingIt_andWritesNothing(String what, String field, Map<String, Object> body) {
        int accounts = ACCOUNTS.created();
        int items = fixture.itemCount();

        problem(call(OrgCall.addMember("lakeside", body).as(Who.orgAdmin("lakeside"))), 400, field);

        assertThat(ACCOUNTS.created()).isEqualTo(accounts);
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void add_withAnUnknownFieldOrAWrongType_is400NamingIt_andWritesNothing() {
        int items = fixture.itemCount();
        Map<String, Object> nickname = person("r9@lakeside.example", "R", "Nine", List.of("learner"));
        nickname.put("nickname", "Niner");
        Map<String, Object> oneRole = person("r10@lakeside.example", "R", "Ten", List.of());
        oneRole.put("roles", "learner");
        Map<String, Object> objectName = person("r11@lakeside.example", "R", "Eleven", List.of("learner"));
        objectName.put("givenName", Map.of("first", "R"));

        problem(call(OrgCall.addMember("lakeside", nickname).as(Who.orgAdmin("lakeside"))), 400, "nickname");
        problem(call(OrgCall.addMember("lakeside", oneRole).as(Who.orgAdmin("lakeside"))), 400, "roles");
        problem(call(OrgCall.addMember("lakeside", objectName).as(Who.orgAdmin("lakeside"))), 400, "givenName");

        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void list_filtersByRoleAndText_andPagesWithTheCursor() {
        assertThat(emails(list(OrgCall.listMembers("lakeside").query("role", "coach"))))
                .containsExactlyInAnyOrder("ben.okafor@lakeside.example", "dev.patel@lakeside.example");
        assertThat(emails(list(OrgCall.listMembers("lakeside").query("q", "LOPEZ"))))
                .containsExactlyInAnyOrder("ana.lopez@lakeside.example", "eve.lopez@lakeside.example");
        assertThat(emails(list(OrgCall.listMembers("lakeside").query("q", "lopez").query("role", "org-admin"))))
                .containsExactly("eve.lopez@lakeside.example");

        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            OrgCall page = OrgCall.listMembers("lakeside").query("limit", "2");
            if (cursor != null) {
                page.query("cursor", cursor);
            }
            JsonNode listing = list(page);
            assertThat(listing.path("items").size()).isLessThanOrEqualTo(2);
            all.addAll(emails(listing));
            cursor = listing.path("nextCursor").isTextual() ? listing.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(all).doesNotHaveDuplicates().containsAll(List.of("ana.lopez@lakeside.example",
                "ben.okafor@lakeside.example", "carla.ng@lakeside.example", "dev.patel@lakeside.example",
                "eve.lopez@lakeside.example"));
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void list_byAnotherOrgsAdmin_is403() {
        problem(call(OrgCall.listMembers("lakeside").as(Who.orgAdmin("hillcrest"))), 403, null);
    }

    @Test
    void list_withABadFilterOrCursor_is400NamingIt() {
        String hillcrestCursor = list(OrgCall.listMembers("hillcrest").query("limit", "1")).path("nextCursor").asText();

        problem(call(OrgCall.listMembers("lakeside").query("role", "principal").as(Who.orgAdmin("lakeside"))), 400, "role");
        problem(call(OrgCall.listMembers("lakeside").query("active", "maybe").as(Who.orgAdmin("lakeside"))), 400, "active");
        problem(call(OrgCall.listMembers("lakeside").query("q", "a\nb").as(Who.orgAdmin("lakeside"))), 400, "q");
        problem(call(OrgCall.listMembers("lakeside").query("limit", "101").as(Who.orgAdmin("lakeside"))), 400, "limit");
        problem(call(OrgCall.listMembers("lakeside").query("cursor", "bm90LWEtY3Vyc29y").as(Who.orgAdmin("lakeside"))),
                400, "cursor");
        problem(call(OrgCall.listMembers("lakeside").query("cursor", hillcrestCursor).as(Who.orgAdmin("lakeside"))),
                400, "cursor");
        problem(call(OrgCall.listMembers("lakeside").query("cursor", cursor("ORG#lakeside", "COACH#zzz"))
                .as(Who.orgAdmin("lakeside"))), 400, "cursor");
    }

    @Test
    void get_isTheMemberWithItsEtag_anUnknownOneIs404() {
        String userId = ACCOUNTS.findByEmail("carla.ng@lakeside.example").orElseThrow().userId();

        APIGatewayV2HTTPResponse read = call(OrgCall.getMember("lakeside", userId).as(Who.orgAdmin("lakeside")));

        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("etag", "\"1\"");
        assertThat(body(read).path("email").asText()).isEqualTo("carla.ng@lakeside.example");
        problem(call(OrgCall.getMember("lakeside", "u-nobody").as(Who.orgAdmin("lakeside"))), 404, null);
        problem(call(OrgCall.getMember("lakeside", "u".repeat(1020)).as(Who.orgAdmin("lakeside"))), 404, null);
        problem(call(OrgCall.getMember("lakeside", userId).as(Who.orgAdmin("hillcrest"))), 403, null);
        problem(call(OrgCall.getMember("hillcrest", userId).as(Who.orgAdmin("hillcrest"))), 404, null);
    }

    private static JsonNode list(OrgCall call) {
        APIGatewayV2HTTPResponse response = call(call.as(Who.orgAdmin(call.event().getPathParameters().get("orgId"))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }

    private static List<String> emails(JsonNode listing) {
        List<String> emails = new ArrayList<>();
        listing.path("items").forEach(item -> emails.add(item.path("email").asText()));
        return emails;
    }

    /** A cursor of the right shape and partition, naming an item outside the members' range. */
    private static String cursor(String pk, String sk) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(Map.of("pk", pk, "sk", sk)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
