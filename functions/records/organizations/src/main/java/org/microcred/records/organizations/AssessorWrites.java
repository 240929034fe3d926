package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Every change of the assessor pathway's items (and the coach items it touches) as a conditional
 * transaction item, so each commits together with its email or its companion changes (the
 * assessor function adds them to a learning-table transaction with the outbox email).
 */
public final class AssessorWrites {
    private final String tableName;
    private final CoachPools pools;

    AssessorWrites(String tableName, CoachPools pools) {
        this.tableName = tableName;
        this.pools = pools;
    }

    /** A new invitation, or a renewed one (only if it is still the invited revision that was read). */
    public TransactWriteItem putInvitation(Assessor assessor, Integer previousRevision) {
        Put.Builder put = Put.builder().tableName(tableName).item(AssessorItems.assessorItem(assessor));
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
        return update(OrganizationKeys.assessor(organizationId, userId, microCredentialId),
                "SET #status = :calibrating, acceptedAt = :now", "#status = :invited AND revision = :revision",
                Map.of(":calibrating", s(AssessorStatus.CALIBRATING.json()), ":now", s(now),
                        ":invited", s(AssessorStatus.INVITED.json()), ":revision", n(revision)));
    }

    /** A coach item for someone not yet in the pool: qualified for the micro-credential, calibrating for it. */
    public TransactWriteItem newCoach(String organizationId, String userId, String name, String email,
                                      String microCredentialId) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.coach(organizationId, userId));
        item.put("userId", s(userId));
        item.put("name", s(name));
        item.put("email", s(email.toLowerCase(Locale.ROOT)));
        item.put("microCredentialIds", strings(List.of(microCredentialId)));
        item.put("collections", strings(List.of()));
        item.put("calibratingMicroCredentialIds", strings(List.of(microCredentialId)));
        item.put("openEnrollments", n(0));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /**
     * Adds the micro-credential to an existing coach's qualifications and calibrating list; what
     * they already coach stays live. Refused if they already list it.
     */
    public TransactWriteItem joinCoach(String organizationId, String userId, String microCredentialId) {
        return update(OrganizationKeys.coach(organizationId, userId),
                "SET microCredentialIds = list_append(if_not_exists(microCredentialIds, :empty), :mcs), "
                        + "calibratingMicroCredentialIds = list_append(if_not_exists(calibratingMicroCredentialIds, "
                        + ":empty), :mcs)",
                "attribute_exists(pk) AND NOT contains(microCredentialIds, :mc)",
                Map.of(":empty", AttributeValue.fromL(List.of()), ":mcs", strings(List.of(microCredentialId)),
                        ":mc", s(microCredentialId)));
    }

    /**
     * Adds the user's seat (no capacity) to the micro-credential's pool, if it is still the
     * revision read, so the pool stays the one list of who coaches it. The caller checks that
     * they hold no seat yet.
     */
    public TransactWriteItem joinPool(CoachPool pool, String userId, String now) {
        return pools.addSeat(pool, userId, now);
    }

    /** One scoring, written once: a second one for the same item is refused. */
    public TransactWriteItem putScore(String organizationId, String userId, String microCredentialId,
                                      AssessorScore score) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(AssessorScoreItems.scoreItem(organizationId, userId, microCredentialId, score))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Counts a scoring on the assessor, only while calibrating. */
    public TransactWriteItem countScore(String organizationId, String userId, String microCredentialId) {
        return update(OrganizationKeys.assessor(organizationId, userId, microCredentialId), "ADD scoresRecorded :one",
                "#status = :calibrating", Map.of(":one", n(1), ":calibrating", s(AssessorStatus.CALIBRATING.json())));
    }

    /** Stores the calibration result; {@code live} also moves the assessor to live. Only while calibrating. */
    public TransactWriteItem recordResult(String organizationId, String userId, String microCredentialId,
                                          CalibrationResult result, boolean live, String now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":result", AssessorItems.resultValue(result),
                ":calibrating", s(AssessorStatus.CALIBRATING.json())));
        String set = "SET calibration = :result";
        if (live) {
            set += ", #status = :live, liveAt = :now";
            values.put(":live", s(AssessorStatus.LIVE.json()));
            values.put(":now", s(now));
        }
        return update(OrganizationKeys.assessor(organizationId, userId, microCredentialId), set,
                "#status = :calibrating", values);
    }

    /** Takes the micro-credential off the coach's calibrating list: from now on they get live learners in it. */
    public TransactWriteItem coachLive(String organizationId, String userId, int index, String microCredentialId) {
        return update(OrganizationKeys.coach(organizationId, userId),
                "REMOVE calibratingMicroCredentialIds[" + index + "]",
                "calibratingMicroCredentialIds[" + index + "] = :mc", Map.of(":mc", s(microCredentialId)));
    }

    /** The calibration set, replacing the revision that was read (or creating the first). */
    public TransactWriteItem putSet(CalibrationSet set, Integer previousRevision) {
        Put.Builder put = Put.builder().tableName(tableName).item(CalibrationSetItems.setItem(set));
        if (previousRevision == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("revision = :revision").expressionAttributeValues(Map.of(":revision",
                    n(previousRevision)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
                                     Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(tableName).key(key).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values);
        if (expression.contains("#status") || condition.contains("#status")) {
            update.expressionAttributeNames(Map.of("#status", "status"));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }
}
