package org.microcred.organizations.roster;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.organizations.OrganizationKeys;

/**
 * A stream record that may move an import on: an import item written in status queued or
 * running. In AWS the event source's FilterCriteria drops everything else already; the local
 * stack delivers every record of the table, so the same test is made here.
 *
 * @param version the version the record shows; only the import's current version is worked on
 */
record RosterImportChange(String organizationId, String importId, long version, String sequenceNumber) {
    private static final Set<String> WRITES = Set.of("INSERT", "MODIFY");
    private static final Set<String> IN_PROGRESS = Set.of("queued", "running");

    static Optional<RosterImportChange> of(DynamodbEvent.DynamodbStreamRecord record) {
        var change = record.getDynamodb();
        if (!WRITES.contains(record.getEventName()) || change == null || change.getNewImage() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> image = change.getNewImage();
        String pk = text(image, OrganizationKeys.PK);
        String sk = text(image, OrganizationKeys.SK);
        if (!OrganizationKeys.isRosterImport(pk, sk) || !IN_PROGRESS.contains(text(image, "status"))) {
            return Optional.empty();
        }
        AttributeValue version = image.get("version");
        if (version == null || version.getN() == null) {
            return Optional.empty();
        }
        return Optional.of(new RosterImportChange(OrganizationKeys.organizationOf(pk),
                sk.substring(OrganizationKeys.IMPORT_PREFIX.length()), Long.parseLong(version.getN()),
                change.getSequenceNumber()));
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
