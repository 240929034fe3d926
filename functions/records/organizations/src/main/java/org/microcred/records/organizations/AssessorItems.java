package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.HashMap;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An {@link Assessor} as its {@code ASSESSOR#<userId>#<mcId>} item, and back. */
final class AssessorItems {
    private AssessorItems() {
    }

    static Map<String, AttributeValue> assessorItem(Assessor assessor) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.assessor(assessor.organizationId(),
                assessor.userId(), assessor.microCredentialId()));
        item.put("organizationId", s(assessor.organizationId()));
        item.put("microCredentialId", s(assessor.microCredentialId()));
        item.put("microCredentialTitle", s(assessor.microCredentialTitle()));
        item.put("userId", s(assessor.userId()));
        item.put("assessorName", s(assessor.name()));
        // Not "email": that name would put the item on the ByEmail index of the member directory.
        item.put("assessorEmail", s(assessor.email()));
        item.put("status", s(assessor.status().json()));
        item.put("revision", n(assessor.revision()));
        item.put("minimumKappa", decimal(assessor.minimumKappa()));
        if (assessor.minimumExactAgreement() != null) {
            item.put("minimumExactAgreement", decimal(assessor.minimumExactAgreement()));
        }
        item.put("invitedAt", s(assessor.invitedAt()));
        item.put("invitedBy", s(assessor.invitedBy()));
        item.put("linkExpiresAt", s(assessor.linkExpiresAt()));
        item.put("scoresRecorded", n(0));
        return item;
    }

    static Assessor assessorFrom(Map<String, AttributeValue> item) {
        String calibration = text(item, "calibration");
        return new Assessor(text(item, "organizationId"), text(item, "microCredentialId"),
                text(item, "microCredentialTitle"), text(item, "userId"), text(item, "assessorName"),
                text(item, "assessorEmail"), AssessorStatus.fromJson(text(item, "status")).orElseThrow(),
                (int) number(item, "revision", 1), optionalDecimal(item, "minimumKappa"),
                optionalDecimal(item, "minimumExactAgreement"), text(item, "invitedAt"), text(item, "invitedBy"),
                text(item, "linkExpiresAt"), text(item, "acceptedAt"), text(item, "liveAt"),
                (int) number(item, "scoresRecorded", 0),
                calibration == null ? null : Json.read(calibration, CalibrationResult.class));
    }

    /** The calibration result as the assessor item stores it (JSON text). */
    static AttributeValue resultValue(CalibrationResult result) {
        return s(Json.write(result));
    }

    /** A thresholds' number: whole values without a decimal point, as they have always been stored. */
    private static AttributeValue decimal(double value) {
        return AttributeValue.fromN(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
    }

    private static Double optionalDecimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
