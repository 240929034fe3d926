package org.microcred.organizations.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.organizations.support.OrganizationFixture.organizationJson;
import static org.microcred.organizations.support.Responses.problem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
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

/**
 * Every way an organisation body can be wrong is a 4xx problem+json naming the field, and
 * nothing is written: not on create, not on change.
 */
@WithEmulators
class OrganizationValidationTest {
    private static OrganizationFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new OrganizationFixture(stack, new InMemoryUserAccounts());
        fixture.createOrganization("valid-district");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("an unknown field", "colour", json -> json.put("colour", "blue")),
                bad("an unknown field inside issuer", "issuer.logo", json -> json.with("issuer").put("logo", "x")),
                bad("a list where a name belongs", "name", json -> json.putArray("name").add("Riverbend")),
                bad("an object where an address belongs", "senderAddress", json -> json.putObject("senderAddress")),
                bad("text where a number belongs", "reviewTargetBusinessDays",
                        json -> json.put("reviewTargetBusinessDays", "seven")),
                bad("true where a number belongs", "reviewTargetBusinessDays",
                        json -> json.put("reviewTargetBusinessDays", true)),
                bad("a number beyond any int", "reviewTargetBusinessDays",
                        json -> json.put("reviewTargetBusinessDays", 99_999_999_999L)),
                bad("text where an object belongs", "eligibility", json -> json.put("eligibility", "open")),
                bad("an object where a list belongs", "workingDays", json -> json.putObject("workingDays")),
                bad("no name", "name", json -> json.remove("name")),
                bad("a name with CR/LF", "name", json -> json.put("name", "Riverbend\r\nBcc: all@example.org")),
                bad("a name too long", "name", json -> json.put("name", "R".repeat(201))),
                bad("an id that is no slug", "id", json -> json.put("id", "Riverbend USD")),
                bad("an unknown kind", "kind", json -> json.put("kind", "galaxy")),
                bad("an http issuer url", "issuer.url", json -> json.with("issuer").put("url", "http://example.org")),
                bad("an issuer email that is none", "issuer.email", json -> json.with("issuer").put("email", "office")),
                bad("an unknown eligibility mode", "eligibility.mode",
                        json -> json.with("eligibility").put("mode", "everyone")),
                bad("domains mode without domains", "eligibility.emailDomains",
                        json -> json.with("eligibility").putArray("emailDomains")),
                bad("a domain that is none", "eligibility.emailDomains[1]",
                        json -> json.with("eligibility").putArray("emailDomains").add("district.example").add("a b")),
                bad("a null domain", "eligibility.emailDomains[0]",
                        json -> json.with("eligibility").putArray("emailDomains").addNull()),
                bad("zero working days to answer in", "reviewTargetBusinessDays",
                        json -> json.put("reviewTargetBusinessDays", 0)),
                bad("61 working days to answer in", "reviewTargetBusinessDays",
                        json -> json.put("reviewTargetBusinessDays", 61)),
                bad("a time zone that does not exist", "timeZone", json -> json.put("timeZone", "Mars/Olympus_Mons")),
                bad("an empty time zone", "timeZone", json -> json.put("timeZone", "")),
                bad("a day twice", "workingDays", json -> json.putArray("workingDays").add("MON").add("MON")),
                bad("a day spelt out", "workingDays", json -> json.putArray("workingDays").add("Monday")),
                bad("a null day", "workingDays[0]", json -> json.putArray("workingDays").addNull()),
                bad("no working days", "workingDays", json -> json.putArray("workingDays")),
                bad("a sender address that is none", "senderAddress", json -> json.put("senderAddress", "pd@office")),
                bad("a sender address with CR/LF", "senderAddress",
                        json -> json.put("senderAddress", "pd@riverbend.example\r\nBcc: x@y.example")));
    }

    private static Arguments bad(String what, String field, Consumer<ObjectNode> change) {
        return Arguments.of(what, field, change);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @MethodSource("badBodies")
    void create_withABadField_is400NamingIt_andWritesNothing(String what, String field, Consumer<ObjectNode> change) {
        ObjectNode body = organizationJson("refused-district");
        change.accept(body);
        int before = fixture.itemCount();

        problem(fixture.call(OrgCall.createOrganization(body).as(Who.platformAdmin())), 400, field);

        assertThat(fixture.itemCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @MethodSource("badBodies")
    void put_withABadField_is400NamingIt_andChangesNothing(String what, String field, Consumer<ObjectNode> change) {
        ObjectNode body = organizationJson("valid-district");
        change.accept(body);
        if ("id".equals(field)) {
            body.put("id", "valid-district").put("name", "Valid\nDistrict");
            field = "name";
        }

        problem(fixture.call(OrgCall.putOrganization("valid-district", body).ifMatch("\"1\"")
                .as(Who.orgAdmin("valid-district"))), 400, field);

        assertThat(fixture.profiles().find("valid-district").orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void create_withABodyThatIsNoJsonObject_is4xx_andWritesNothing() {
        int before = fixture.itemCount();

        problem(fixture.call(OrgCall.createOrganization("{\"id\": \"half\"").as(Who.platformAdmin())), 400, null);
        problem(fixture.call(OrgCall.createOrganization("[]").as(Who.platformAdmin())), 400, null);
        problem(fixture.call(OrgCall.createOrganization("null").as(Who.platformAdmin())), 400, null);
        problem(fixture.call(OrgCall.createOrganization(organizationJson("text-district").toString())
                .header("content-type", "text/plain").as(Who.platformAdmin())), 415, null);

        assertThat(fixture.itemCount()).isEqualTo(before);
    }

    @Test
    void create_withEveryFieldWrongAtOnce_namesThemAll() {
        ObjectNode body = organizationJson("Bad Id");
        body.put("kind", "galaxy").put("timeZone", "Nowhere/Town").put("reviewTargetBusinessDays", 99);
        body.with("eligibility").put("mode", "everyone");

        var problem = problem(fixture.call(OrgCall.createOrganization(body).as(Who.platformAdmin())), 400, "id");

        assertThat(problem.path("errors").size()).isGreaterThanOrEqualTo(1);
    }
}
