package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@link CalibrationSet} as its {@code CALIBRATION#<mcId>} item (the items as JSON text), and back. */
final class CalibrationSetItems {
    private static final TypeReference<List<CalibrationItem>> ITEMS = new TypeReference<>() { };

    private CalibrationSetItems() {
    }

    static Map<String, AttributeValue> setItem(CalibrationSet set) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.calibrationSet(set.organizationId(),
                set.microCredentialId()));
        item.put("organizationId", s(set.organizationId()));
        item.put("microCredentialId", s(set.microCredentialId()));
        item.put("revision", n(set.revision()));
        item.put("updatedAt", s(set.updatedAt()));
        item.put("updatedBy", s(set.updatedBy()));
        item.put("items", s(Json.write(set.items())));
        return item;
    }

    static CalibrationSet setFrom(String organizationId, String microCredentialId, Map<String, AttributeValue> item) {
        try {
            return new CalibrationSet(organizationId, microCredentialId, (int) number(item, "revision", 1),
                    text(item, "updatedAt"), text(item, "updatedBy"),
                    Json.mapper().readValue(text(item, "items"), ITEMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A calibration set's items are not JSON", e);
        }
    }
}
