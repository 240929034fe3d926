package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;
import static org.microcred.organizations.support.OrganizationFixture.organizationJson;
import static org.microcred.organizations.support.Responses.problem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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
import org.microcred.records.organizations.OrganizationKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Organisations through the real OrganizationFunction handler against DynamoDB Local: platform
 * admins create and list them, each organisation's admins read and change their own settings
 * with the revision they read. Bad bodies are in {@link OrganizationValidationTest}.
 */
@WithEmulators
class OrganizationApiTest {
    private static OrganizationFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new OrganizationFixture(stack, new InMemoryUserAccounts());
    }

    private static APIGatewayV2HTTPResponse call(OrgCall call) {
        return fixture.call(call);
    }

    @Test
    void create_asPlatformAdmin_withEveryField_is201WithEtagAndLocation_andReadsBackAsSent() {
        APIGatewayV2HTTPResponse created = call(OrgCall.createOrganization(organizationJson("riverbend-usd"))
                .as(Who.platformAdmin()));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("location", "/orgs/riverbend-usd").containsEntry("etag", "\"1\"");
        JsonNode organization = body(created);
        assertThat(organization.path("id").asText()).isEqualTo("riverbend-usd");
        assertThat(organization.path("name").asText()).isEqualTo("Riverbend Unified School District");
        assertThat(organization.path("kind").asText()).isEqualTo("district");
        assertThat(organization.path("issuer").path("url").asText()).isEqualTo("https://www.riverbend.k12.example");
        assertThat(organization.path("issuer").path("email").asText()).isEqualTo("credentials@riverbend.k12.example");
        assertThat(organization.path("issuer").path("description").asText())
                .isEqualTo("Professional learning for Riverbend's teachers.\n"
                        + "Micro-credentials earned with evidence from the classroom.");
        assertThat(organization.path("issuer").path("imageUrl").asText())
                .isEqualTo("https://www.riverbend.k12.example/logo.png");
        assertThat(organization.path("eligibility").path("mode").asText()).isEqualTo("domains");
        assertThat(texts(organization.path("eligibility").path("emailDomains")))
                .containsExactly("riverbend.k12.example", "staff.riverbend.example");
        assertThat(organization.path("reviewTargetBusinessDays").asInt()).isEqualTo(7);
        assertThat(organization.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(texts(organization.path("workingDays"))).containsExactly("MON", "TUE", "WED", "THU", "FRI");
        assertThat(organization.path("senderAddress").asText()).isEqualTo("pd-office@riverbend.k12.example");
        assertThat(organization.path("revision").asLong()).isEqualTo(1);

        APIGatewayV2HTTPResponse read = call(OrgCall.getOrganization("riverbend-usd").as(Who.platformAdmin()));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getHeaders()).containsEntry("etag", "\"1\"");
        assertThat(body(read)).isEqualTo(organization);
        // The enrolment function reads eligibility from the item in its own spelling.
        assertThat(profileItem("riverbend-usd").get("eligibility").s()).isEqualTo("email-domains");
    }

    @Test
    void create_withOnlyIdAndName_takesTheDefaults() {
        JsonNode organization = body(call(OrgCall.createOrganization(Map.of("id", "plain-district", "name", "Plain"))
                .as(Who.platformAdmin())));

        assertThat(organization.path("kind").asText()).isEqualTo("other");
        assertThat(organization.path("eligibility").path("mode").asText()).isEqualTo("members");
        assertThat(organization.path("reviewTargetBusinessDays").asInt()).isEqualTo(5);
        assertThat(organization.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(texts(organization.path("workingDays"))).containsExactly("MON", "TUE", "WED", "THU", "FRI");
        assertThat(organization.has("senderAddress")).isFalse();
    }

    @Test
    void create_sameIdTwice_is409NamingId_andKeepsTheFirst() {
        fixture.createOrganization("twice-district");
        ObjectNode second = organizationJson("twice-district").put("name", "Someone Else's District");

        problem(call(OrgCall.createOrganization(second).as(Who.platformAdmin())), 409, "id");

        assertThat(body(call(OrgCall.getOrganization("twice-district").as(Who.platformAdmin()))).path("name").asText())
                .isEqualTo("Riverbend Unified School District");
    }

    @Test
    void create_asOrgAdminOrLearner_is403_andWritesNothing() {
        fixture.createOrganization("own-district");
        int before = fixture.itemCount();

        problem(call(OrgCall.createOrganization(organizationJson("grabbed-district")).as(Who.orgAdmin("own-district"))),
                403, null);
        problem(call(OrgCall.createOrganization(organizationJson("grabbed-district")).as(Who.learner("own-district"))),
                403, null);

        assertThat(fixture.itemCount()).isEqualTo(before);
        assertThat(fixture.profiles().find("grabbed-district")).isEmpty();
    }

    @Test
    void list_asPlatformAdmin_pagesWithTheCursor_throughEveryOrganisationOnce_inIdOrder() {
        List<String> made = List.of("list-a", "list-b", "list-c", "list-d", "list-e");
        made.forEach(fixture::createOrganization);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            OrgCall list = OrgCall.listOrganizations().query("limit", "2").as(Who.platformAdmin());
            if (cursor != null) {
                list.query("cursor", cursor);
            }
            APIGatewayV2HTTPResponse page = call(list);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
            JsonNode listing = body(page);
            assertThat(listing.path("items").size()).isLessThanOrEqualTo(2);
            listing.path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = listing.path("nextCursor").isTextual() ? listing.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(cursor).isNull();
        assertThat(seen).doesNotHaveDuplicates().containsAll(made).isSorted();
        assertThat(seen.stream().filter(made::contains).toList()).containsExactlyElementsOf(made);
    }

    @Test
    void list_asOrgAdmin_is403() {
        problem(call(OrgCall.listOrganizations().as(Who.orgAdmin("any-district"))), 403, null);
    }

    @Test
    void list_withACursorItDidNotIssue_is400NamingCursor() {
        problem(call(OrgCall.listOrganizations().query("cursor", "not-a-cursor").as(Who.platformAdmin())), 400, "cursor");
        String membersCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"pk\":\"ORG#a\",\"sk\":\"MEMBER#u-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        problem(call(OrgCall.listOrganizations().query("cursor", membersCursor).as(Who.platformAdmin())), 400, "cursor");
        problem(call(OrgCall.listOrganizations().query("limit", "0").as(Who.platformAdmin())), 400, "limit");
    }

    @Test
    void get_asItsAdmin_is200WithEtag_asAnotherOrgsAdmin_is403() {
        fixture.createOrganization("get-district");

        APIGatewayV2HTTPResponse own = call(OrgCall.getOrganization("get-district").as(Who.orgAdmin("get-district")));
        assertThat(own.getStatusCode()).isEqualTo(200);
        assertThat(own.getHeaders()).containsEntry("etag", "\"1\"");
        assertThat(body(own).path("id").asText()).isEqualTo("get-district");

        problem(call(OrgCall.getOrganization("get-district").as(Who.orgAdmin("other-district"))), 403, null);
        problem(call(OrgCall.getOrganization("get-district").as(Who.learner("get-district"))), 403, null);
    }

    @Test
    void get_unknownOrganisation_is404() {
        problem(call(OrgCall.getOrganization("no-such-district").as(Who.platformAdmin())), 404, null);
    }

    @Test
    void get_anIdLongerThanAnyKey_is404NotA500() {
        // "ORG#" + 2045 characters is one byte more than DynamoDB allows in a partition key.
        problem(call(OrgCall.getOrganization("x".repeat(2045)).as(Who.platformAdmin())), 404, null);
    }

    @Test
    void put_byItsAdmin_withTheRevisionRead_replacesTheSettings_andBumpsTheRevision() {
        fixture.createOrganization("put-district");
        ObjectNode changed = organizationJson("put-district").put("name", "Put District")
                .put("reviewTargetBusinessDays", 3).put("timeZone", "America/New_York");
        changed.remove("issuer");
        changed.remove("senderAddress");
        changed.putObject("eligibility").put("mode", "open");

        APIGatewayV2HTTPResponse put = call(OrgCall.putOrganization("put-district", changed)
                .ifMatch("\"1\"").as(Who.orgAdmin("put-district")));

        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(put.getHeaders()).containsEntry("etag", "\"2\"");
        JsonNode read = body(call(OrgCall.getOrganization("put-district").as(Who.orgAdmin("put-district"))));
        assertThat(read).isEqualTo(body(put));
        assertThat(read.path("name").asText()).isEqualTo("Put District");
        assertThat(read.path("reviewTargetBusinessDays").asInt()).isEqualTo(3);
        assertThat(read.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(read.path("eligibility").path("mode").asText()).isEqualTo("open");
        assertThat(read.path("issuer").path("url").isMissingNode()).isTrue();
        assertThat(read.has("senderAddress")).isFalse();
        assertThat(read.path("revision").asLong()).isEqualTo(2);
        assertThat(profileItem("put-district")).doesNotContainKeys("issuerUrl", "senderAddress");
    }

    @Test
    void put_withAStaleIfMatch_is412_andChangesNothing() {
        fixture.createOrganization("stale-district");
        call(OrgCall.putOrganization("stale-district", organizationJson("stale-district").put("name", "Second"))
                .ifMatch("\"1\"").as(Who.orgAdmin("stale-district")));

        problem(call(OrgCall.putOrganization("stale-district", organizationJson("stale-district").put("name", "Late"))
                .ifMatch("\"1\"").as(Who.orgAdmin("stale-district"))), 412, null);

        JsonNode read = body(call(OrgCall.getOrganization("stale-district").as(Who.platformAdmin())));
        assertThat(read.path("name").asText()).isEqualTo("Second");
        assertThat(read.path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void put_byAnotherOrgsAdmin_is403_andChangesNothing() {
        fixture.createOrganization("guarded-district");

        problem(call(OrgCall.putOrganization("guarded-district", organizationJson("guarded-district")
                .put("name", "Taken Over")).ifMatch("\"1\"").as(Who.orgAdmin("other-district"))), 403, null);

        assertThat(fixture.profiles().find("guarded-district").orElseThrow().name())
                .isEqualTo("Riverbend Unified School District");
    }

    @Test
    void put_changingTheId_is400NamingId_andAMalformedIfMatchIs400() {
        fixture.createOrganization("fixed-district");

        problem(call(OrgCall.putOrganization("fixed-district", organizationJson("other-id"))
                .as(Who.orgAdmin("fixed-district"))), 400, "id");
        problem(call(OrgCall.putOrganization("fixed-district", organizationJson("fixed-district"))
                .ifMatch("yesterday").as(Who.orgAdmin("fixed-district"))), 400, null);

        assertThat(fixture.profiles().find("fixed-district").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void put_unknownOrganisation_isNotCreated() {
        problem(call(OrgCall.putOrganization("ghost-district", organizationJson("ghost-district"))
                .as(Who.platformAdmin())), 404, null);

        assertThat(fixture.profiles().find("ghost-district")).isEmpty();
    }

    private static Map<String, AttributeValue> profileItem(String organizationId) {
        return fixture.stack.dynamoDb().getItem(get -> get.tableName(fixture.table.name())
                .key(OrganizationKeys.profile(organizationId))).item();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
