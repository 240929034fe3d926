package org.microcred.badgeissuer;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.microcred.badgeissuer.model.Award;
import org.microcred.dataintegrity.JsonDocuments;
import org.microcred.records.learning.LearningKeys;

/**
 * Picks the mastery awards out of a learning-table stream batch, in stream order. In AWS the
 * event source's FilterCriteria already keeps only inserted items with {@code outcome = mastery};
 * the local stack delivers every record, so the same filter is applied here, plus the decision's
 * key shape (as {@link LearningKeys} recognises it) the filter cannot express.
 */
final class MasteryAwards {
    private MasteryAwards() {
    }

    /** The batch's records in stream order (none for an empty event). */
    static List<DynamodbEvent.DynamodbStreamRecord> records(DynamodbEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /**
     * The award a record carries, or empty if it is not an inserted mastery decision.
     *
     * @throws IllegalStateException if a mastery decision's {@code decision} attribute is not JSON
     */
    static Optional<Award> award(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (!"INSERT".equals(record.getEventName()) || change == null || change.getNewImage() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = change.getNewImage();
        Optional<String> enrollment = LearningKeys.enrollmentIdOf(string(item, LearningKeys.PK));
        OptionalInt decided = LearningKeys.attemptOfDecision(string(item, LearningKeys.SK));
        if (enrollment.isEmpty() || decided.isEmpty() || !"mastery".equals(string(item, "outcome"))) {
            return Optional.empty();
        }
        String enrollmentId = enrollment.get();
        int attempt = decided.getAsInt();
        JsonObject decision = decision(string(item, "decision"));
        List<Award.Score> scores = new ArrayList<>();
        if (decision.get("scores") instanceof JsonArray scored) {
            for (JsonValue score : scored) {
                JsonObject one = score instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
                scores.add(new Award.Score(text(one, "criterionId", ""), text(one, "levelId", "")));
            }
        }
        String submissionId = Optional.ofNullable(string(item, "submissionId")).orElse(enrollmentId + "." + attempt);
        return Optional.of(new Award(enrollmentId, attempt, submissionId, string(item, "decidedAt"),
                text(decision, "coachName", null), scores));
    }

    /**
     * The decision the review function stored, read with JSON-P (which the issuer loads anyway for
     * the embedded proof) rather than a Jackson tree, whose databind set-up a cold start pays for.
     */
    private static JsonObject decision(String json) {
        if (json == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return JsonDocuments.object(json).orElse(JsonValue.EMPTY_JSON_OBJECT);
        } catch (JsonException e) {
            throw new IllegalStateException("A decision item's decision attribute is not JSON", e);
        }
    }

    private static String text(JsonObject object, String member, String absent) {
        JsonValue value = object.get(member);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? absent : value.toString();
    }

    private static String string(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.getS();
    }
}
