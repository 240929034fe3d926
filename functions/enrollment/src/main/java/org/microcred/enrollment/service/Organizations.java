package org.microcred.enrollment.service;

import java.util.List;
import java.util.Optional;
import org.microcred.enrollment.model.EligibilityMode;
import org.microcred.enrollment.model.Member;
import org.microcred.enrollment.model.Organization;
import org.microcred.records.organizations.Coach;
import org.microcred.records.organizations.CoachCandidates;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;

/**
 * The organisations as enrolment reads them, through the OrganizationsTable's records:
 * profiles and eligibility, the member directory by email, and coach pools with their coaches'
 * loads. Coaches' counters are written in the transaction of the enrolments they count.
 */
public class Organizations {
    private final OrganizationProfiles profiles;
    private final Members members;
    private final CoachPools pools;

    public Organizations(OrganizationsTable table) {
        this.profiles = new OrganizationProfiles(table);
        this.members = new Members(table);
        this.pools = new CoachPools(table);
    }

    /** The organisation's profile (eventually consistent: enrolment only labels and admits with it). */
    public Optional<Organization> profile(String organizationId) {
        return profiles.findEventuallyConsistent(organizationId).map(Organizations::organizationOf);
    }

    /** Every organisation's member entry with this email address. */
    public List<Member> membersByEmail(String email) {
        return members.byEmail(email).stream().map(member -> new Member(member.userId(), member.organizationId(),
                member.email(), member.name())).toList();
    }

    /** The micro-credential's pool, if its organisation set one, and the coaches to choose from, with current loads. */
    public CoachCandidates coachCandidates(String organizationId, String microCredentialId) {
        return pools.candidates(organizationId, microCredentialId);
    }

    public Optional<CoachPool> pool(String organizationId, String microCredentialId) {
        return pools.find(organizationId, microCredentialId);
    }

    /** One coach entry, read strongly consistent. */
    public Optional<Coach> coach(String organizationId, String coachId) {
        return pools.coach(organizationId, coachId);
    }

    private static Organization organizationOf(OrganizationProfile profile) {
        return new Organization(profile.id(), profile.name(),
                EligibilityMode.fromJson(profile.eligibility().stored()).orElse(EligibilityMode.MEMBERS),
                profile.emailDomains());
    }
}
