package org.microcred.organizations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.organizations.roster.support.RosterCall;
import org.microcred.organizations.roster.support.RosterFixture;
import org.microcred.organizations.support.InMemoryUserAccounts;
import org.microcred.organizations.support.Who;
import org.microcred.records.organizations.Membership;
import org.microcred.shared.identity.Role;

/**
 * Small rosters imported within the request, through the real OrganizationFunction handler
 * against DynamoDB Local: a report row per person, bad rows beside good ones, idempotent
 * re-imports, dry runs, limits and who may import.
 */
@WithEmulators
class RosterImportApiTest {
    private static final String MIXED = """
            email,givenName,familyName,roles
            maria.delgado@riverbend.example,Maria,Delgado,learner
            priya.raman@riverbend.example,Priya,Raman,learner;coach
            not-an-address,Bad,Email,learner
            sam.ortiz@riverbend.example,Sam,Ortiz,principal
            MARIA.DELGADO@riverbend.example,Maria,Again,coach
            kim@refused.example,Kim,Refused,learner
            """;

    private static RosterFixture fixture;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new RosterFixture(stack);
    }

    private static String organization(String id) {
        fixture.organization(id);
        return id;
    }

    private static APIGatewayV2HTTPResponse importCsv(String org, String csv) {
        return fixture.call(RosterCall.importCsv(org, csv).as(Who.orgAdmin(org)));
    }

    private static Map<Integer, JsonNode> byRow(JsonNode report) {
        return StreamSupport.stream(report.path("results").spliterator(), false)
                .collect(Collectors.toMap(result -> result.path("row").asInt(), result -> result));
    }

    @Test
    void importCsv_withGoodAndBadRows_createsTheGoodOnes_andReportsEachBadRowWithItsColumn() {
        String org = organization("org-mixed");

        APIGatewayV2HTTPResponse response = importCsv(org, MIXED);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = body(response);
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("importId").asText()).matches("imp-[0-9a-f]{24}");
        assertThat(response.getHeaders().get("location")).isEqualTo("/orgs/org-mixed/roster-imports/"
                + report.path("importId").asText());
        assertThat(report.path("counts").toString())
                .isEqualTo("{\"created\":2,\"updated\":0,\"unchanged\":0,\"errors\":4}");
        Map<Integer, JsonNode> rows = byRow(report);
        assertThat(rows).containsOnlyKeys(2, 3, 4, 5, 6, 7);
        assertThat(rows.get(2).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(2).path("userId").asText()).isNotBlank();
        assertThat(rows.get(3).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(4).path("outcome").asText()).isEqualTo("error");
        assertThat(rows.get(4).path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(rows.get(5).path("errors").get(0).path("field").asText()).isEqualTo("roles");
        assertThat(rows.get(5).path("errors").get(0).path("message").asText()).contains("principal");
        assertThat(rows.get(6).path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(rows.get(6).path("errors").get(0).path("message").asText()).contains("row 2");
        assertThat(rows.get(7).path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(fixture.members(org)).extracting(Membership::email)
                .containsExactlyInAnyOrder("maria.delgado@riverbend.example", "priya.raman@riverbend.example");
        assertThat(fixture.members(org)).filteredOn(m -> m.email().startsWith("priya")).singleElement()
                .satisfies(priya -> assertThat(priya.roles()).containsExactly(Role.LEARNER, Role.COACH));
    }

    @Test
    void oneRosterUsersCsv_importsTeachersAndAdministrators_refusesStudents_andDeactivates() {
        String org = organization("org-oneroster");
        String users = """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName,email,grades
                t-1,active,2026-08-01,true,sch-1,teacher,ann,Ann,Lee,ann.lee@district.example,
                a-1,active,2026-08-01,true,sch-1,administrator,bo,Bo,Chen,bo.chen@district.example,
                s-1,active,2026-08-01,true,sch-1,student,cy,Cy,Park,cy.park@district.example,05
                """;
        assertThat(importCsv(org, users).getStatusCode()).isEqualTo(200);

        JsonNode second = body(importCsv(org, users.replace("2026-08-01,true,sch-1,teacher",
                "2026-08-02,false,sch-1,teacher")));

        Map<Integer, JsonNode> rows = byRow(second);
        assertThat(rows.get(2).path("outcome").asText()).isEqualTo("updated");
        assertThat(rows.get(3).path("outcome").asText()).isEqualTo("unchanged");
        assertThat(rows.get(4).path("errors").get(0).path("field").asText()).isEqualTo("role");
        assertThat(rows.get(4).path("errors").get(0).path("message").asText()).startsWith("role \"student\" is not imported");
        assertThat(fixture.members(org)).filteredOn(m -> m.email().startsWith("ann")).singleElement().satisfies(ann -> {
            assertThat(ann.active()).isFalse();
            assertThat(ann.sourcedId()).isEqualTo("t-1");
        });
        assertThat(fixture.members(org)).filteredOn(m -> m.email().startsWith("bo")).singleElement()
                .satisfies(bo -> assertThat(bo.roles()).containsExactly(Role.ORG_ADMIN));
    }

    @Test
    void sameFileTwice_leavesEveryoneUnchanged() {
        String org = organization("org-twice");
        String csv = "email,givenName,familyName,roles\r\nann@twice.example,Ann,Lee,learner\r\nbo@twice.example,Bo,Chen,coach\r\n";
        importCsv(org, csv);
        int accounts = fixture.accounts.created();

        JsonNode again = body(importCsv(org, csv));

        assertThat(again.path("counts").toString())
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":2,\"errors\":0}");
        assertThat(again.path("results")).allSatisfy(result -> assertThat(result.path("outcome").asText())
                .isEqualTo("unchanged"));
        assertThat(fixture.accounts.created()).isEqualTo(accounts);
        assertThat(fixture.members(org)).hasSize(2);
    }

    @Test
    void dryRun_reportsWhatWouldHappen_andWritesNoMemberNorAccount() {
        String org = organization("org-dry");
        int accounts = fixture.accounts.created();

        JsonNode report = body(fixture.call(RosterCall.importCsv(org, MIXED).dryRun().as(Who.orgAdmin(org))));

        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("counts").path("created").asInt()).isEqualTo(3);
        assertThat(report.path("counts").path("errors").asInt()).isEqualTo(3);
        assertThat(byRow(report).get(2).has("userId")).isFalse();
        assertThat(fixture.members(org)).isEmpty();
        assertThat(fixture.accounts.created()).isEqualTo(accounts);
    }

    @Test
    void storedReport_isReadBackWithGet() {
        String org = organization("org-get");
        String importId = body(importCsv(org, MIXED)).path("importId").asText();

        APIGatewayV2HTTPResponse response = fixture.call(RosterCall.get(org, importId).as(Who.orgAdmin(org)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = body(response);
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("results")).hasSize(6);
        assertThat(report.has("nextCursor")).isFalse();
        assertThat(report.path("createdAt").asText()).isNotBlank();
    }

    @Test
    void moreThan200Rows_is413_pointingToTheUploadFlow() {
        String org = organization("org-big");
        StringBuilder csv = new StringBuilder("email,givenName,familyName,roles\n");
        for (int i = 0; i < 201; i++) {
            csv.append("p").append(i).append("@big.example,P,").append(i).append(",learner\n");
        }

        APIGatewayV2HTTPResponse response = importCsv(org, csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(body(response).path("detail").asText()).contains("201 rows").contains("application/json")
                .contains("/start");
        assertThat(fixture.members(org)).isEmpty();
    }

    @Test
    void moreThan256KiB_is413() {
        String org = organization("org-heavy");
        String csv = "email,givenName,familyName,roles\n" + "x".repeat(256 * 1024);

        assertThat(importCsv(org, csv).getStatusCode()).isEqualTo(413);
    }

    @Test
    void headerWithoutEmail_is400NamingIt() {
        String org = organization("org-noemail");

        APIGatewayV2HTTPResponse response = importCsv(org, "givenName,familyName,roles\nAnn,Lee,learner\n");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("email");
    }

    @Test
    void bytesThatAreNotUtf8_are400NamingTheBody() {
        String org = organization("org-latin1");
        byte[] latin1 = "email,givenName,familyName,roles\nzoe@x.example,Zo\u00eb,Lee,learner\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        APIGatewayV2HTTPResponse response = fixture.call(RosterCall.importBytes(org, latin1, "text/csv")
                .as(Who.orgAdmin(org)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(fixture.members(org)).isEmpty();
    }

    @Test
    void utf8BytesWithByteOrderMark_sentAsBase64_areImported() {
        String org = organization("org-bom");
        byte[] text = "\uFEFFemail,givenName,familyName,roles\r\nzoe@bom.example,Zoë,Nuñez,learner\r\n"
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = body(fixture.call(RosterCall.importBytes(org, text, "text/csv; charset=UTF-8")
                .as(Who.orgAdmin(org))));

        assertThat(report.path("counts").path("created").asInt()).isEqualTo(1);
        assertThat(fixture.members(org)).singleElement().satisfies(zoe -> assertThat(zoe.name()).isEqualTo("Zoë Nuñez"));
    }

    @Test
    void anotherCharset_orMediaType_is415() {
        String org = organization("org-charset");
        String csv = "email,givenName,familyName,roles\nann@x.example,Ann,Lee,learner\n";

        assertThat(fixture.call(RosterCall.importCsv(org, csv).header("content-type", "text/csv; charset=windows-1252")
                .as(Who.orgAdmin(org))).getStatusCode()).isEqualTo(415);
        assertThat(fixture.call(RosterCall.importCsv(org, csv).header("content-type", "text/plain")
                .as(Who.orgAdmin(org))).getStatusCode()).isEqualTo(415);
    }

    @Test
    void dryRunOtherThanTrueOrFalse_is400() {
        String org = organization("org-dryvalue");

        APIGatewayV2HTTPResponse response = fixture.call(RosterCall.importCsv(org, MIXED).query("dryRun", "yes")
                .as(Who.orgAdmin(org)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("field").asText()).isEqualTo("dryRun");
    }

    @Test
    void unknownOrganisation_is404() {
        assertThat(importCsv("org-nowhere", MIXED).getStatusCode()).isEqualTo(404);
    }

    @Test
    void learner_otherOrganisationsAdmin_andAnonymous_mayNotImport_norRead() {
        String org = organization("org-guarded");
        String importId = body(importCsv(org, MIXED)).path("importId").asText();
        List<Integer> statuses = new ArrayList<>();

        statuses.add(fixture.call(RosterCall.importCsv(org, MIXED).as(Who.learner(org))).getStatusCode());
        statuses.add(fixture.call(RosterCall.importCsv(org, MIXED).as(Who.orgAdmin("org-elsewhere"))).getStatusCode());
        statuses.add(fixture.call(RosterCall.importCsv(org, MIXED)).getStatusCode());
        statuses.add(fixture.call(RosterCall.get(org, importId).as(Who.learner(org))).getStatusCode());
        statuses.add(fixture.call(RosterCall.get(org, importId).as(Who.orgAdmin("org-elsewhere"))).getStatusCode());
        statuses.add(fixture.call(RosterCall.get(org, importId)).getStatusCode());
        statuses.add(fixture.call(RosterCall.declare(org, "users.csv", 100).as(Who.learner(org))).getStatusCode());
        statuses.add(fixture.call(RosterCall.start(org, importId).as(Who.orgAdmin("org-elsewhere"))).getStatusCode());

        assertThat(statuses).containsExactly(403, 403, 401, 403, 403, 401, 403, 403);
        assertThat(fixture.members(org)).hasSize(2);
    }

    @Test
    void refusedAddress_isThatRowsError_notTheImports() {
        String org = organization("org-refused");

        JsonNode report = body(importCsv(org, "email,givenName,familyName,roles\nkim@"
                + InMemoryUserAccounts.REFUSED_DOMAIN + ",Kim,Ng,learner\nlee@ok.example,Lee,Ok,learner\n"));

        assertThat(byRow(report).get(2).path("outcome").asText()).isEqualTo("error");
        assertThat(byRow(report).get(3).path("outcome").asText()).isEqualTo("created");
    }
}
