package org.microcred.organizations.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.records.organizations.RosterImportResult.Problem;
import org.microcred.shared.identity.Role;

/** One roster row as a member: OneRoster roles translated, plain roles read, every problem named by its column. */
class RosterRowRulesTest {

    private static RosterRowRules.Reading oneRoster(String role, String enabledUser) {
        return RosterRowRules.read(RosterFormat.ONE_ROSTER, new RosterRow(2, Map.of("email", "Ann@X.example",
                "givenName", "Ann", "familyName", "Lee", "role", role, "enabledUser", enabledUser,
                "sourcedId", "t-1")));
    }

    private static RosterRowRules.Reading plain(String email, String roles) {
        return RosterRowRules.read(RosterFormat.PLAIN, new RosterRow(7, Map.of("email", email,
                "givenName", "Ann", "familyName", "Lee", "roles", roles)));
    }

    @Test
    void oneRosterTeacherAndAide_becomeLearners_administratorBecomesOrgAdmin() {
        assertThat(oneRoster("teacher", "").input().roles()).containsExactly(Role.LEARNER);
        assertThat(oneRoster("aide", "").input().roles()).containsExactly(Role.LEARNER);
        assertThat(oneRoster("administrator", "").input().roles()).containsExactly(Role.ORG_ADMIN);
        assertThat(oneRoster("teacher", "").input().sourcedId()).isEqualTo("t-1");
        assertThat(oneRoster("teacher", "").email()).isEqualTo("ann@x.example");
    }

    @Test
    void oneRosterStudent_isNotImported() {
        RosterRowRules.Reading reading = oneRoster("student", "");

        assertThat(reading.refused()).isTrue();
        assertThat(reading.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("role");
            assertThat(problem.message()).startsWith("role \"student\" is not imported");
        });
    }

    @Test
    void oneRosterEnabledUserFalse_deactivates_andAbsentLeavesAsIs() {
        assertThat(oneRoster("teacher", "false").input().active()).isFalse();
        assertThat(oneRoster("teacher", "TRUE").input().active()).isTrue();
        assertThat(oneRoster("teacher", "").input().active()).isNull();
        assertThat(oneRoster("teacher", "maybe").problems()).extracting(Problem::field).containsExactly("enabledUser");
    }

    @Test
    void plainRoles_areSeparatedBySemicolonsOrSpaces() {
        assertThat(plain("ann@x.example", "learner;coach").input().roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.COACH);
        assertThat(plain("ann@x.example", "Coach org-admin").input().roles()).containsExactlyInAnyOrder(Role.COACH, Role.ORG_ADMIN);
    }

    @Test
    void plainUnknownRole_andBadEmail_areEachNamedByTheirColumn() {
        RosterRowRules.Reading reading = plain("not-an-address", "learner;principal");

        assertThat(reading.problems()).extracting(Problem::field).containsExactly("email", "roles");
        assertThat(reading.problems().get(1).message()).contains("\"principal\"");
        assertThat(reading.email()).isEqualTo("not-an-address");
    }

    @Test
    void plainEmptyRoles_isRefused() {
        assertThat(plain("ann@x.example", " ").problems()).extracting(Problem::field).containsExactly("roles");
    }

    @Test
    void platformAdmin_isNotAnOrganisationsToGive() {
        assertThat(plain("ann@x.example", "platform-admin").problems()).extracting(Problem::field).containsExactly("roles");
    }
}
