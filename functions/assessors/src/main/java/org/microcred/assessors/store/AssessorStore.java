package org.microcred.assessors.store;

import static org.microcred.assessors.store.Items.integer;
import static org.microcred.assessors.store.Items.n;
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
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The assessor pathway's items in the organisations table (docs/data-model.md, "Assessor
 * pathway"): {@code ASSESSOR#<userId>#<mcId>}, {@code CALIBRATION#<mcId>},
 * {@code CALSCORE#<userId>#<mcId>#<itemId>}, next to the members and coaches they refer to. Reads
 * here; writes as transaction items that the services commit together with their emails.
 */
public class AssessorStore {
    private static final String ASSESSOR = "ASSESSOR#";
    private static final String SCORE = "CALSCORE#";
    private static final TypeReference<List<CalibrationItem>> ITEMS = new TypeReference<>() { };

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public AssessorStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** A person in the organisation's member directory. */
    public record Member(String userId, String name, String email) {
    }

    /** What the pool says about a coach: what they are qualified for and still calibrating for. */
    public record CoachEntry(String userId, List<String> microCredentialIds, List<String> collections,
                             List<String> calibratingMicroCredentialIds) {
        public boolean coachesLive(String microCredentialId, String collection) {
            boolean qualified = microCredentialIds.contains(microCredentialId)
                    || (collection != null && collections.contains(collection));
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

    // ------------------------------------------------------------------ transaction items

    /** A new invitation, or a renewed one (only if it is still the invited revision that was read). */
    public TransactWriteItem putInvitation(Assessor assessor, Integer previousRevision) {
        Map<String, AttributeValue> item = new HashMap<>(assessorKey(assessor.organizationId(), assessor.userId(),
                assessor.microCredentialId()));
        item.put("organizationId", s(assessor.organizationId()));
        item.put("microCredentialId", s(assessor.microCredentialId()));
        item.put("microCredentialTitle", s(assessor.microCredentialTitle()));
        item.put("userId", s(assessor.userId()));
        item.put("assessorName", s(assessor.name()));
        // Not "email": that name would put the item on the ByEmail index of the member directory.
        item.put("assessorEmail", s(assessor.email()));
        item.put("status", s(assessor.status().json()));
        item.put("revision", n(assessor.revision()));
        item.put("minimumKappa", n(assessor.minimumKappa()));
        if (assessor.minimumExactAgreement() != null) {
            item.put("minimumExactAgreement", n(assessor.minimumExactAgreement()));
        }
        item.put("invitedAt", s(assessor.invitedAt()));
        item.put("invitedBy", s(assessor.invitedBy()));
        item.put("linkExpiresAt", s(assessor.linkExpiresAt()));
        item.put("scoresRecorded", n(0));
        Put.Builder put = Put.builder().tableName(tableName).item(item);
        if (previousRevision == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#status = :invited AND revision = :revision")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":invited", s(AssessorStatus.INVITED.json()),
                            ":revision", n(previousRevision)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** invited → calibrating, only for the revision the link was issued for. */
    public TransactWriteItem accept(String organizationId, String userId, String microCredentialId, int revision,
                                    String now) {
        return update(assessorKey(organizationId, userId, microCredentialId),
                "SET #status = :calibrating, acceptedAt = :now", "#status = :invited AND revision = :revision",
                Map.of(":calibrating", s(AssessorStatus.CALIBRATING.json()), ":now", s(now),
                        ":invited", s(AssessorStatus.INVITED.json()), ":revision", n(revision)));
    }

    /** A coach item for someone not yet in the pool: qualified for the micro-credential, calibrating for it. */
    public TransactWriteItem newCoach(String organizationId, Member member, String microCredentialId) {
        Map<String, AttributeValue> item = new HashMap<>(key(organizationId, "COACH#" + member.userId()));
        item.put("userId", s(member.userId()));
        item.put("name", s(member.name()));
        item.put("email", s(member.email().toLowerCase(Locale.ROOT)));
        item.put("microCredentialIds", Items.strings(List.of(microCredentialId)));
        item.put("collections", Items.strings(List.of()));
        item.put("calibratingMicroCredentialIds", Items.strings(List.of(microCredentialId)));
        item.put("openEnrollments", n(0));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /**
     * Adds the micro-credential to an existing coach's qualifications and calibrating list; what
     * they already coach stays live. Refused if they already list it.
     */
    public TransactWriteItem joinCoach(String organizationId, String userId, String microCredentialId) {
        return update(key(organizationId, "COACH#" + userId),
                "SET microCredentialIds = list_append(if_not_exists(microCredentialIds, :empty), :mcs), "
                        + "calibratingMicroCredentialIds = list_append(if_not_exists(calibratingMicroCredentialIds, "
                        + ":empty), :mcs)",
                "attribute_exists(pk) AND NOT contains(microCredentialIds, :mc)",
                Map.of(":empty", AttributeValue.fromL(List.of()), ":mcs", Items.strings(List.of(microCredentialId)),
                        ":mc", s(microCredentialId)));
    }

    /** One scoring, written once: a second one for the same item is refused. */
    public TransactWriteItem putScore(String organizationId, String userId, String microCredentialId,
                                      AssessorScore score) {
        Map<String, AttributeValue> item = new HashMap<>(key(organizationId, SCORE + userId + "#" + microCredentialId
                + "#" + score.itemId()));
        item.put("userId", s(userId));
        item.put("microCredentialId", s(microCredentialId));
        item.put("itemId", s(score.itemId()));
        item.put("scoredAt", s(score.scoredAt()));
        item.put("score", s(Json.write(score)));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Counts a scoring on the assessor, only while calibrating. */
    public TransactWriteItem countScore(String organizationId, String userId, String microCredentialId) {
        return update(assessorKey(organizationId, userId, microCredentialId), "ADD scoresRecorded :one",
                "#status = :calibrating", Map.of(":one", n(1), ":calibrating", s(AssessorStatus.CALIBRATING.json())));
    }

    /** Stores the calibration result; {@code live} also moves the assessor to live. Only while calibrating. */
    public TransactWriteItem recordResult(String organizationId, String userId, String microCredentialId,
                                          CalibrationResult result, boolean live, String now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":result", s(Json.write(result)),
                ":calibrating", s(AssessorStatus.CALIBRATING.json())));
        String set = "SET calibration = :result";
        if (live) {
            set += ", #status = :live, liveAt = :now";
            values.put(":live", s(AssessorStatus.LIVE.json()));
            values.put(":now", s(now));
        }
        return update(assessorKey(organizationId, userId, microCredentialId), set, "#status = :calibrating", values);
    }

    /** Takes the micro-credential off the coach's calibrating list: from now on they get live learners in it. */
    public TransactWriteItem coachLive(String organizationId, String userId, int index, String microCredentialId) {
        return update(key(organizationId, "COACH#" + userId), "REMOVE calibratingMicroCredentialIds[" + index + "]",
                "calibratingMicroCredentialIds[" + index + "] = :mc", Map.of(":mc", s(microCredentialId)));
    }

    /** The calibration set, replacing the revision that was read (or creating the first). */
    public TransactWriteItem putSet(CalibrationSet set, Integer previousRevision) {
        Map<String, AttributeValue> item = new HashMap<>(setKey(set.organizationId(), set.microCredentialId()));
        item.put("organizationId", s(set.organizationId()));
        item.put("microCredentialId", s(set.microCredentialId()));
        item.put("revision", n(set.revision()));
        item.put("updatedAt", s(set.updatedAt()));
        item.put("updatedBy", s(set.updatedBy()));
        item.put("items", s(Json.write(set.items())));
        Put.Builder put = Put.builder().tableName(tableName).item(item);
        if (previousRevision == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("revision = :revision").expressionAttributeValues(Map.of(":revision",
                    n(previousRevision)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    // ------------------------------------------------------------------ helpers

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
                                     Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(tableName).key(key).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values);
        if (expression.contains("#status") || condition.contains("#status")) {
            update.expressionAttributeNames(Map.of("#status", "status"));
        }
        return TransactWriteItem.builder().update(update.build()).build();
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

    private static Map<String, AttributeValue> key(String organizationId, String sk) {
        return Map.of("pk", s(partition(organizationId)), "sk", s(sk));
    }

    private static Map<String, AttributeValue> assessorKey(String organizationId, String userId,
                                                           String microCredentialId) {
        return key(organizationId, ASSESSOR + userId + "#" + microCredentialId);
    }

    private static Map<String, AttributeValue> setKey(String organizationId, String microCredentialId) {
        return key(organizationId, "CALIBRATION#" + microCredentialId);
    }
}
