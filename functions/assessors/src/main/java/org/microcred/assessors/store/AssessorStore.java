package org.microcred.assessors.store;

import static org.microcred.assessors.store.Items.integer;
import static org.microcred.assessors.store.Items.s;
import static org.microcred.assessors.store.Items.text;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.microcred.assessors.model.Assessor;
import org.microcred.assessors.model.AssessorScore;
import org.microcred.assessors.model.AssessorStatus;
import org.microcred.assessors.model.CalibrationItem;
import org.microcred.assessors.model.CalibrationResult;
import org.microcred.assessors.model.CalibrationSet;
import org.microcred.records.organizations.CoachPool;
import org.microcred.records.organizations.CoachPools;
import org.microcred.records.organizations.OrganizationsTable;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The assessor pathway's items in the organisations table (docs/data-model.md, "Assessor
 * pathway"): {@code ASSESSOR#<userId>#<mcId>}, {@code CALIBRATION#<mcId>},
 * {@code CALSCORE#<userId>#<mcId>#<itemId>}, next to the members and coaches they refer to, as
 * the pathway reads them. Writes are built by {@link AssessorWrites}.
 */
public class AssessorStore {
    private static final String ASSESSOR = "ASSESSOR#";
    static final String SCORE = "CALSCORE#";
    private static final TypeReference<List<CalibrationItem>> ITEMS = new TypeReference<>() { };

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final CoachPools pools;
    private final AssessorWrites writes;

    public AssessorStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.pools = new CoachPools(new OrganizationsTable(dynamoDb, tableName));
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
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(organizationId, "MEMBER#" + userId))).item();
        return Items.isEmpty(item) ? Optional.empty() : Optional.of(memberFrom(item));
    }

    /** The organisation's member with this address (index ByEmail; addresses are stored lower-case). */
    public Optional<Member> memberByEmail(String organizationId, String email) {
        QueryResponse response = dynamoDb.query(r -> r.tableName(tableName).indexName("ByEmail")
                .keyConditionExpression("email = :email")
                .expressionAttributeValues(Map.of(":email", s(email.trim().toLowerCase(Locale.ROOT)))));
        return response.items().stream()
                .filter(item -> partition(organizationId).equals(text(item, "pk")))
                .filter(item -> text(item, "sk").startsWith("MEMBER#"))
                .map(AssessorStore::memberFrom).findFirst();
    }

    public Optional<String> organizationName(String organizationId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(organizationId, "PROFILE"))).item();
        return Items.isEmpty(item) ? Optional.empty() : Optional.ofNullable(text(item, "name"));
    }

    public Optional<CoachEntry> coach(String organizationId, String userId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).key(key(organizationId, "COACH#" + userId))
                .consistentRead(true)).item();
        return Items.isEmpty(item) ? Optional.empty() : Optional.of(new CoachEntry(userId,
                Items.textList(item, "microCredentialIds"), Items.textList(item, "collections"),
                Items.textList(item, "calibratingMicroCredentialIds")));
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
        return query(organizationId, ASSESSOR).stream().map(AssessorStore::assessorFrom).toList();
    }

    /** One educator's assessor entries in the organisation. */
    public List<Assessor> assessorsFor(String organizationId, String userId) {
        return query(organizationId, ASSESSOR + userId + "#").stream().map(AssessorStore::assessorFrom).toList();
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
        for (var item : query(organizationId, SCORE + userId + "#" + microCredentialId + "#")) {
            AssessorScore score = Json.read(text(item, "score"), AssessorScore.class);
            scores.put(score.itemId(), score);
        }
        return scores;
    }

    private List<Map<String, AttributeValue>> query(String organizationId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(partition(organizationId)), ":prefix", s(prefix)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamoDb.query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static Member memberFrom(Map<String, AttributeValue> item) {
        return new Member(text(item, "userId"), text(item, "name"), text(item, "email"));
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

    static String partition(String organizationId) {
        return "ORG#" + organizationId;
    }

    static Map<String, AttributeValue> key(String organizationId, String sk) {
        return Map.of("pk", s(partition(organizationId)), "sk", s(sk));
    }

    static Map<String, AttributeValue> assessorKey(String organizationId, String userId,
                                                           String microCredentialId) {
        return key(organizationId, ASSESSOR + userId + "#" + microCredentialId);
    }

    static Map<String, AttributeValue> setKey(String organizationId, String microCredentialId) {
        return key(organizationId, "CALIBRATION#" + microCredentialId);
    }
}
