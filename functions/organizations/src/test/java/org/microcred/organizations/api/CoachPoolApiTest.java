package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.emulators.junit.ApiResponses.fields;
import static org.microcred.organizations.support.Responses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Coach pools through the real OrganizationFunction handler against DynamoDB Local: who coaches
 * a micro-credential, with capacities and the loads enrolment keeps; only active coaches of the
 * owning organisation, changed with the revision read.
 */
@WithEmulators
class CoachPoolApiTest {
    private static final String ORG = "maple";
    private static OrganizationFixture fixture;
    private static String coachA;
    private static String coachB;
    private static String learner;
    private static String formerCoach;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new OrganizationFixture(stack, new InMemoryUserAccounts());
        fixture.createOrganization(ORG);
        fixture.createOrganization("oak");
        coachA = fixture.addMember(ORG, "amy.wong@maple.example", "Amy", "Wong", "coach").path("userId").asText();
        coachB = fixture.addMember(ORG, "bo.reyes@maple.example", "Bo", "Reyes", "learner", "coach")
                .path("userId").asText();
        learner = fixture.addMember(ORG, "cy.moss@maple.example", "Cy", "Moss", "learner").path("userId").asText();
        formerCoach = fixture.addMember(ORG, "di.ford@maple.example", "Di", "Ford", "coach").path("userId").asText();
        assertThat(fixture.call(OrgCall.patchMember(ORG, formerCoach, Map.of("active", false))
                .as(Who.orgAdmin(ORG))).getStatusCode()).isEqualTo(200);
        fixture.microCredential("mc-exit-tickets", ORG);
        fixture.microCredential("mc-questioning", ORG);
        fixture.microCredential("mc-phonics", ORG);
        fixture.microCredential("mc-stale", ORG);
        fixture.microCredential("mc-refused", ORG);
        fixture.microCredential("mc-oak-only", "oak");
    }

    private static APIGatewayV2HTTPResponse put(String microCredentialId, Object body, Who who) {
        return fixture.call(OrgCall.putCoachPool(ORG, microCredentialId, body).as(who));
    }

    private static Map<String, Object> seat(String userId, Integer capacity) {
        Map<String, Object> seat = new HashMap<>();
        seat.put("userId", userId);
        if (capacity != null) {
            seat.put("capacity", capacity);
        }
        return seat;
    }

    private static Map<String, Object> pool(Object... seats) {
        return Map.of("coaches", List.of(seats));
    }

    @Test
    void put_withCapacities_is200WithEtag_andGetShowsEachCoachsLoad() {
        APIGatewayV2HTTPResponse set = put("mc-exit-tickets", pool(seat(coachA, 2), seat(coachB, null)),
                Who.orgAdmin(ORG));
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(200);
        assertThat(set.getHeaders()).containsEntry("etag", "\"1\"");
        fixture.coachLoad(ORG, coachA, "mc-exit-tickets", 5, 2);
        fixture.coachLoad(ORG, coachB, "mc-exit-tickets", 1, 1);

        APIGatewayV2HTTPResponse read = fixture.call(OrgCall.getCoachPool(ORG, "mc-exit-tickets").as(Who.orgAdmin(ORG)));

        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("etag", "\"1\"");
        JsonNode view = body(read);
        assertThat(view.path("microCredentialId").asText()).isEqualTo("mc-exit-tickets");
        assertThat(view.path("revision").asLong()).isEqualTo(1);
        JsonNode amy = view.path("coaches").get(0);
        assertThat(amy.path("userId").asText()).isEqualTo(coachA);
        assertThat(amy.path("name").asText()).isEqualTo("Amy Wong");
        assertThat(amy.path("email").asText()).isEqualTo("amy.wong@maple.example");
        assertThat(amy.path("capacity").asInt()).isEqualTo(2);
        assertThat(amy.path("openEnrollments").asLong()).isEqualTo(5);
        assertThat(amy.path("openForMicroCredential").asLong()).isEqualTo(2);
        assertThat(amy.path("acceptingLearners").asBoolean()).isFalse();
        JsonNode bo = view.path("coaches").get(1);
        assertThat(bo.has("capacity")).isFalse();
        assertThat(bo.path("openForMicroCredential").asLong()).isEqualTo(1);
        assertThat(bo.path("active").asBoolean()).isTrue();
        assertThat(bo.path("acceptingLearners").asBoolean()).isTrue();
    }

    @Test
    void get_ofAMicroCredentialWithoutAPool_isAnEmptyPoolAtRevisionZero() {
        JsonNode view = body(fixture.call(OrgCall.getCoachPool(ORG, "mc-phonics").as(Who.orgAdmin(ORG))));

        assertThat(view.path("revision").asLong()).isZero();
        assertThat(view.path("coaches").isEmpty()).isTrue();
    }

    @Test
    void put_aLearnerADeactivatedCoachAndAStranger_is422NamingEachSeat_andWritesNothing() {
        JsonNode problem = problem(put("mc-refused", pool(seat(coachA, null), seat(learner, null),
                seat(formerCoach, 3), seat("u-stranger", null)), Who.orgAdmin(ORG)), 422, "coaches[1].userId");

        assertThat(fields(problem)).containsExactly("coaches[1].userId", "coaches[2].userId", "coaches[3].userId");
        assertThat(problem.path("errors").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains("coach role"))
                .anySatisfy(message -> assertThat(message).contains("deactivated"))
                .anySatisfy(message -> assertThat(message).contains("not a member"));
        assertThat(fixture.pools().find(ORG, "mc-refused")).isEmpty();
    }

    @Test
    void put_withAStaleIfMatch_is412_andKeepsThePool() {
        assertThat(fixture.call(OrgCall.putCoachPool(ORG, "mc-stale", pool(seat(coachA, null))).ifMatch("\"0\"")
                .as(Who.orgAdmin(ORG))).getStatusCode()).isEqualTo(200);
        assertThat(fixture.call(OrgCall.putCoachPool(ORG, "mc-stale", pool(seat(coachB, null))).ifMatch("\"1\"")
                .as(Who.orgAdmin(ORG))).getStatusCode()).isEqualTo(200);

        problem(fixture.call(OrgCall.putCoachPool(ORG, "mc-stale", pool(seat(coachA, 9))).ifMatch("\"1\"")
                .as(Who.orgAdmin(ORG))), 412, null);

        var stored = fixture.pools().find(ORG, "mc-stale").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.seats()).extracting(seat -> seat.userId()).containsExactly(coachB);
    }

    @Test
    void aMicroCredentialOfAnotherOrganisation_orNone_is404() {
        problem(put("mc-oak-only", pool(seat(coachA, null)), Who.orgAdmin(ORG)), 404, null);
        problem(fixture.call(OrgCall.getCoachPool(ORG, "mc-oak-only").as(Who.orgAdmin(ORG))), 404, null);
        problem(put("mc-nowhere", pool(seat(coachA, null)), Who.orgAdmin(ORG)), 404, null);

        assertThat(fixture.pools().find(ORG, "mc-oak-only")).isEmpty();
        assertThat(fixture.pools().find("oak", "mc-oak-only")).isEmpty();
    }

    @Test
    void anotherOrgsAdminOrACoach_is403() {
        problem(put("mc-questioning", pool(seat(coachA, null)), Who.orgAdmin("oak")), 403, null);
        problem(put("mc-questioning", pool(seat(coachA, null)), Who.coach(ORG)), 403, null);
        problem(fixture.call(OrgCall.getCoachPool(ORG, "mc-questioning").as(Who.coach(ORG))), 403, null);

        assertThat(fixture.pools().find(ORG, "mc-questioning")).isEmpty();
    }

    @Test
    void put_withABadBody_is400NamingTheField_andWritesNothing() {
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(seat("u-" + i, null));
        }
        Map<String, Object> noCoaches = new HashMap<>();
        noCoaches.put("coaches", null);

        problem(put("mc-questioning", pool(seat(coachA, 0)), Who.orgAdmin(ORG)), 400, "coaches[0].capacity");
        problem(put("mc-questioning", pool(seat(coachA, 1001)), Who.orgAdmin(ORG)), 400, "coaches[0].capacity");
        problem(put("mc-questioning", pool(seat(coachA, null), seat(coachA, 2)), Who.orgAdmin(ORG)), 400,
                "coaches[1].userId");
        problem(put("mc-questioning", pool(seat(" ", null)), Who.orgAdmin(ORG)), 400, "coaches[0].userId");
        problem(put("mc-questioning", noCoaches, Who.orgAdmin(ORG)), 400, "coaches");
        problem(put("mc-questioning", Map.of("coaches", tooMany), Who.orgAdmin(ORG)), 400, "coaches");
        problem(put("mc-questioning", pool(Map.of("userId", coachA, "capacity", "two")), Who.orgAdmin(ORG)), 400,
                "coaches[0].capacity");
        problem(put("mc-questioning", pool(Map.of("userId", coachA, "seats", 2)), Who.orgAdmin(ORG)), 400,
                "coaches[0].seats");
        problem(put("mc-questioning", Map.of("coaches", coachA), Who.orgAdmin(ORG)), 400, "coaches");

        assertThat(fixture.pools().find(ORG, "mc-questioning")).isEmpty();
    }
}
