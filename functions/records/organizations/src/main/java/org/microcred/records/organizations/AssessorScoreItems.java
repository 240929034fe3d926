package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.HashMap;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@link AssessorScore} as its {@code CALSCORE#<userId>#<mcId>#<itemId>} item (the score as
 * JSON text), and back.
 */
final class AssessorScoreItems {
    private AssessorScoreItems() {
    }

    static Map<String, AttributeValue> scoreItem(String organizationId, String userId, String microCredentialId,
                                                 AssessorScore score) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.calibrationScore(organizationId, userId,
                microCredentialId, score.itemId()));
        item.put("userId", s(userId));
        item.put("microCredentialId", s(microCredentialId));
        item.put("itemId", s(score.itemId()));
        item.put("scoredAt", s(score.scoredAt()));
        item.put("score", s(Json.write(score)));
        return item;
    }

    static AssessorScore scoreFrom(Map<String, AttributeValue> item) {
        return Json.read(text(item, "score"), AssessorScore.class);
    }
}
