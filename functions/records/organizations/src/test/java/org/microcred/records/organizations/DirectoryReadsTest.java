package org.microcred.records.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.identity.Role;

/** The reads other functions make of organisations (reminders, reports, enrolment), against DynamoDB Local. */
@WithEmulators
class DirectoryReadsTest {
    private static final String NOW = "2026-01-01T00:00:00.000Z";

    private final OrganizationProfiles profiles;
    private final Members members;

    DirectoryReadsTest(TestStack stack) {
        OrganizationsTable table = new OrganizationsTable(stack.dynamoDb(), stack.tableName("OrganizationsTable"));
        this.profiles = new OrganizationProfiles(table);
        this.members = new Members(table);
    }

    private static OrganizationProfile profile(String id, int targetDays) {
        return new OrganizationProfile(id, "Name of " + id, "district", null, EligibilityMode.DOMAINS,
                List.of("riverbend.example"), targetDays, "America/Chicago", List.of("MON", "TUE"), null, 1, NOW, NOW);
    }

    private static Membership member(String organizationId, String userId, Role... roles) {
        return new Membership(organizationId, userId, userId + "@riverbend.example", "Given", userId, List.of(roles),
                true, null, 1, NOW, NOW);
    }

    @Test
    void findEventuallyConsistent_readsWhatCreateWrote() {
        profiles.create(profile("dir-org-1", 3));

        assertThat(profiles.findEventuallyConsistent("dir-org-1")).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("Name of dir-org-1");
            assertThat(found.reviewTargetBusinessDays()).isEqualTo(3);
            assertThat(found.eligibility()).isEqualTo(EligibilityMode.DOMAINS);
        });
        assertThat(profiles.findEventuallyConsistent("dir-org-none")).isEmpty();
    }

    @Test
    void forEachListed_visitsEveryOrganisation_withNameAndTarget() {
        profiles.create(profile("dir-org-2", 7));
        profiles.create(profile("dir-org-3", 9));

        List<OrganizationProfile> listed = new ArrayList<>();
        profiles.forEachListed(listed::add);

        assertThat(listed).filteredOn(found -> found.id().equals("dir-org-2") || found.id().equals("dir-org-3"))
                .extracting(OrganizationProfile::name, OrganizationProfile::reviewTargetBusinessDays)
                .containsExactlyInAnyOrder(tuple("Name of dir-org-2", 7),
                        tuple("Name of dir-org-3", 9));
    }

    @Test
    void withRole_findsOnlyTheMembersHoldingIt() {
        profiles.create(profile("dir-org-4", 5));
        members.add(member("dir-org-4", "usr-admin", Role.ORG_ADMIN, Role.LEARNER));
        members.add(member("dir-org-4", "usr-learner", Role.LEARNER));

        assertThat(members.withRole("dir-org-4", Role.ORG_ADMIN)).extracting(Membership::userId)
                .containsExactly("usr-admin");
        assertThat(members.byEmail("USR-LEARNER@riverbend.example")).extracting(Membership::organizationId)
                .containsExactly("dir-org-4");
    }
}
