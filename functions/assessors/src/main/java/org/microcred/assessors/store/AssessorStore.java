package org.microcred.assessors.store;

import static org.microcred.assessors.store.Items.integer;
import static org.microcred.assessors.store.Items.s;
import static org.microcred.assessors.store.Items.text;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorScore;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.model.CalibrationItem;
import org.microcred.assessors.model.CalibrationResult;
import org.microcred.assessors.model.CalibrationSet;
import org.microcred.records.core.Queries;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.Members;
import org.microcred.records.organizations.Membership;
import org.microcred.records.organizations.OrganizationKeys;
import org.microcred.records.organizations.OrganizationProfile;
import org.microcred.records.organizations.OrganizationProfiles;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The assessor pathway's items in the organisations table (docs/data-model.md, "Assessor
 * pathway"): {@code ASSESSOR#<userId>#<mcId>}, {@code CALIBRATION#<mcId>},
 * {@code CALSCORE#<userId>#<mcId>#<itemId>}, next to the members and coaches they refer to, as
 * the pathway reads them. Writes are built by {@link AssessorWrites}.
 */
public class AssessorStore {
    static final String SCORE = OrganizationKeys.CALIBRATION_SCORE_PREFIX;
    private static final TypeReference<List<CalibrationItem>> ITEMS = new TypeReference<>() { };

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final CoachPools pools;
    private final Members members;
    private final OrganizationProfiles profiles;
    private final AssessorWrites writes;

    public AssessorStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        OrganizationsTable table = new OrganizationsTable(dynamoDb, tableName);
        this.pools = new CoachPools(table);
        this.members = new Members(table);
        this.profiles = new OrganizationProfiles(table);
        this.writes = new AssessorWrites(tableName, pools);
    }

    /** The transaction items that change these items; the services commit them with their emails. */
    public AssessorWrites writes() {
        return writes;
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
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(assessorKey(organizationId, userId,
                microCredentialId)).consistentRead(true)).item();
        return Items.isEmpty(item) ? Optional.empty() : Optional.of(assessorFrom(item));
    }

    /** Every assessor of the organisation (all micro-credentials). */
    public List<Assessor> assessors(String organizationId) {
        return query(organizationId, OrganizationKeys.ASSESSOR_PREFIX).stream().map(AssessorStore::assessorFrom).toList();
    }

    /** One educator's assessor entries in the organisation. */
    public List<Assessor> assessorsFor(String organizationId, String userId) {
        return query(organizationId, OrganizationKeys.assessorsOf(userId)).stream().map(AssessorStore::assessorFrom).toList();
    }

    public Optional<CalibrationSet> calibrationSet(String organizationId, String microCredentialId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(setKey(organizationId, microCredentialId))
                .consistentRead(true)).item();
        if (Items.isEmpty(item)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CalibrationSet(organizationId, microCredentialId, integer(item, "revision", 1),
                    text(item, "updatedAt"), text(item, "updatedBy"), Json.MAPPER.readValue(text(item, "items"), ITEMS)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A calibration set's items are not JSON", e);
        }
    }

    /** The assessor's recorded scores for the micro-credential, by item id. */
    public Map<String, AssessorScore> scores(String organizationId, String userId, String microCredentialId) {
        Map<String, AssessorScore> scores = new HashMap<>();
        for (var item : query(organizationId, OrganizationKeys.calibrationScoresOf(userId, microCredentialId))) {
            AssessorScore score = Json.read(text(item, "score"), AssessorScore.class);
            scores.put(score.itemId(), score);
        }
        return scores;
    }

    private List<Map<String, AttributeValue>> query(String organizationId, String prefix) {
        return Queries.all(dynamoDb, q -> q.tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(OrganizationKeys.partition(organizationId)),
                        ":prefix", s(prefix))), item -> item);
    }

    private static Member memberOf(Membership member) {
        return new Member(member.userId(), member.name(), member.email());
    }

    private static Assessor assessorFrom(Map<String, AttributeValue> item) {
        String calibration = text(item, "calibration");
        return new Assessor(text(item, "organizationId"), text(item, "microCredentialId"),
                text(item, "microCredentialTitle"), text(item, "userId"), text(item, "assessorName"),
                text(item, "assessorEmail"), AssessorStatus.fromJson(text(item, "status")).orElseThrow(),
                integer(item, "revision", 1), Items.decimal(item, "minimumKappa"),
                Items.decimal(item, "minimumExactAgreement"), text(item, "invitedAt"), text(item, "invitedBy"),
                text(item, "linkExpiresAt"), text(item, "acceptedAt"), text(item, "liveAt"),
                integer(item, "scoresRecorded", 0),
                calibration == null ? null : Json.read(calibration, CalibrationResult.class));
    }

    /** An item of the organisation's partition; the key strings are OrganizationKeys'. */
    static Map<String, AttributeValue> key(String organizationId, String sk) {
        return Map.of(OrganizationKeys.PK, s(OrganizationKeys.partition(organizationId)), OrganizationKeys.SK, s(sk));
    }

    static Map<String, AttributeValue> assessorKey(String organizationId, String userId,
                                                           String microCredentialId) {
        return OrganizationKeys.assessor(organizationId, userId, microCredentialId);
    }

    static Map<String, AttributeValue> setKey(String organizationId, String microCredentialId) {
        return OrganizationKeys.calibrationSet(organizationId, microCredentialId);
    }
}
