package org.microcred.assessors.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.records.organizations.Assessor;
import org.microcred.records.organizations.AssessorRecords;
import org.microcred.records.organizations.AssessorScore;
import org.microcred.records.organizations.AssessorWrites;
import org.microcred.records.organizations.CalibrationSet;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;

/**
 * The assessor pathway's items in the organisations table (docs/data-model.md, "Assessor
 * pathway"): {@code ASSESSOR#<userId>#<mcId>}, {@code CALIBRATION#<mcId>},
 * {@code CALSCORE#<userId>#<mcId>#<itemId>}, next to the members and coaches they refer to, as
 * the pathway reads them, all through the organisations table's records library. Writes are
 * built by {@link AssessorWrites}.
 */
public class AssessorStore {
    private final AssessorRecords assessors;
    private final CoachPools pools;
    private final Members members;
    private final OrganizationProfiles profiles;

    public AssessorStore(OrganizationsTable table) {
        this.assessors = new AssessorRecords(table);
        this.pools = new CoachPools(table);
        this.members = new Members(table);
        this.profiles = new OrganizationProfiles(table);
    }

    /** The transaction items that change these items; the services commit them with their emails. */
    public AssessorWrites writes() {
        return assessors.writes();
    }

    /** A person in the organisation's member directory. */
    public record Member(String userId, String name, String email) {
    }

    /** What the pool says about a coach: what they are qualified for and still calibrating for. */
    public record CoachEntry(String userId, List<String> microCredentialIds, List<String> collections,
                             List<String> calibratingMicroCredentialIds) {
        /** Qualified for it or holding a seat in its pool, and not calibrating for it. */
        public boolean coachesLive(String microCredentialId, String collection, Optional<CoachPool> pool) {
            boolean qualified = microCredentialIds.contains(microCredentialId)
                    || (collection != null && collections.contains(collection))
                    || pool.flatMap(p -> p.seatOf(userId)).isPresent();
            return qualified && !calibratingMicroCredentialIds.contains(microCredentialId);
        }
    }

    // ------------------------------------------------------------------ reads

    public Optional<Member> member(String organizationId, String userId) {
        return members.find(organizationId, userId).map(AssessorStore::memberOf);
    }

    /** The organisation's member with this address (index ByEmail; addresses are stored lower-case). */
    public Optional<Member> memberByEmail(String organizationId, String email) {
        return members.byEmail(email.trim()).stream()
                .filter(member -> organizationId.equals(member.organizationId()))
                .map(AssessorStore::memberOf).findFirst();
    }

    public Optional<String> organizationName(String organizationId) {
        return profiles.findEventuallyConsistent(organizationId).map(OrganizationProfile::name);
    }

    public Optional<CoachEntry> coach(String organizationId, String userId) {
        return pools.coach(organizationId, userId).map(coach -> new CoachEntry(userId, coach.microCredentialIds(),
                coach.collections(), coach.calibratingMicroCredentialIds()));
    }

    /** The micro-credential's coach pool, if the organisation set one (through the table's records library). */
    public Optional<CoachPool> pool(String organizationId, String microCredentialId) {
        return pools.find(organizationId, microCredentialId);
    }

    public Optional<Assessor> assessor(String organizationId, String userId, String microCredentialId) {
        return assessors.assessor(organizationId, userId, microCredentialId);
    }

    /** Every assessor of the organisation (all micro-credentials). */
    public List<Assessor> assessors(String organizationId) {
        return assessors.assessors(organizationId);
    }

    /** One educator's assessor entries in the organisation. */
    public List<Assessor> assessorsFor(String organizationId, String userId) {
        return assessors.assessorsFor(organizationId, userId);
    }

    public Optional<CalibrationSet> calibrationSet(String organizationId, String microCredentialId) {
        return assessors.calibrationSet(organizationId, microCredentialId);
    }

    /** The assessor's recorded scores for the micro-credential, by item id. */
    public Map<String, AssessorScore> scores(String organizationId, String userId, String microCredentialId) {
        return assessors.scores(organizationId, userId, microCredentialId);
    }

    private static Member memberOf(Membership member) {
        return new Member(member.userId(), member.name(), member.email());
    }
}
