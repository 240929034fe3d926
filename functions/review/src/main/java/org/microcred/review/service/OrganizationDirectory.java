package org.microcred.review.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.identity.Role;

/**
 * What reminders need of the organisations: every organisation, each one's review target, and
 * its admins (members with the org-admin role), read through the OrganizationsTable's records.
 */
public class OrganizationDirectory {
    /** The review target when an organisation's profile names none (or a nonsensical one). */
    public static final int DEFAULT_TARGET_BUSINESS_DAYS = 5;

    private final OrganizationProfiles profiles;
    private final Members members;

    public OrganizationDirectory(OrganizationsTable table) {
        this.profiles = new OrganizationProfiles(table);
        this.members = new Members(table);
    }

    /** An organisation as the directory lists it. */
    public record Profile(String organizationId, String name, int targetBusinessDays) {
    }

    /** An administrator to tell about overdue reviews. */
    public record Admin(String userId, String name, String email) {
    }

    /** Every organisation's profile, page by page. */
    public void forEachProfile(Consumer<Profile> action) {
        profiles.forEachListed(profile -> action.accept(profileOf(profile)));
    }

    /** One organisation's profile; empty if it has none. */
    public Optional<Profile> profile(String organizationId) {
        return profiles.findEventuallyConsistent(organizationId).map(OrganizationDirectory::profileOf);
    }

    /** The organisation's members with the org-admin role and an email address. */
    public List<Admin> admins(String organizationId) {
        return members.withRole(organizationId, Role.ORG_ADMIN).stream().filter(member -> member.email() != null)
                .map(member -> new Admin(member.userId(), member.name(), member.email())).toList();
    }

    private static Profile profileOf(OrganizationProfile profile) {
        int target = profile.reviewTargetBusinessDays();
        return new Profile(profile.id(), profile.name(),
                target >= 1 && target <= 60 ? target : DEFAULT_TARGET_BUSINESS_DAYS);
    }
}
