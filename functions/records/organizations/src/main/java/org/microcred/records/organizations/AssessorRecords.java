package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The assessor pathway's items in the organisations table (docs/data-model.md, "Assessor
 * pathway"): {@code ASSESSOR#<userId>#<mcId>}, {@code CALIBRATION#<mcId>} and
 * {@code CALSCORE#<userId>#<mcId>#<itemId>}. Reads are strongly consistent; changes are
 * transaction items built by {@link #writes()}.
 */
public final class AssessorRecords {
    private final OrganizationsTable table;
    private final AssessorWrites writes;

    public AssessorRecords(OrganizationsTable table) {
        this.table = table;
        this.writes = new AssessorWrites(table.name(), new CoachPools(table));
    }

    /** The transaction items that change these items; callers commit them with their emails. */
    public AssessorWrites writes() {
        return writes;
    }

    public Optional<Assessor> assessor(String organizationId, String userId, String microCredentialId) {
        return Optional.ofNullable(table.get(OrganizationKeys.assessor(organizationId, userId, microCredentialId)))
                .map(AssessorItems::assessorFrom);
    }

    /** Every assessor of the organisation (all micro-credentials). */
    public List<Assessor> assessors(String organizationId) {
        return query(organizationId, OrganizationKeys.ASSESSOR_PREFIX).stream().map(AssessorItems::assessorFrom)
                .toList();
    }

    /** One educator's assessor entries in the organisation. */
    public List<Assessor> assessorsFor(String organizationId, String userId) {
        return query(organizationId, OrganizationKeys.assessorsOf(userId)).stream().map(AssessorItems::assessorFrom)
                .toList();
    }

    public Optional<CalibrationSet> calibrationSet(String organizationId, String microCredentialId) {
        return Optional.ofNullable(table.get(OrganizationKeys.calibrationSet(organizationId, microCredentialId)))
                .map(item -> CalibrationSetItems.setFrom(organizationId, microCredentialId, item));
    }

    /** The assessor's recorded scores for the micro-credential, by item id. */
    public Map<String, AssessorScore> scores(String organizationId, String userId, String microCredentialId) {
        Map<String, AssessorScore> scores = new HashMap<>();
        for (var item : query(organizationId, OrganizationKeys.calibrationScoresOf(userId, microCredentialId))) {
            AssessorScore score = AssessorScoreItems.scoreFrom(item);
            scores.put(score.itemId(), score);
        }
        return scores;
    }

    private List<Map<String, AttributeValue>> query(String organizationId, String prefix) {
        return table.queryAll(q -> q.consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(OrganizationKeys.partition(organizationId)),
                        ":prefix", s(prefix))));
    }
}
