package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.bool;
import static org.microcred.records.core.Attributes.flag;
import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item mapping of roster imports and their result chunks. The import item never has an
 * {@code email} or {@code name} attribute, so it stays out of index ByEmail and adds only its
 * keys to BySortKey.
 */
final class RosterImportItems {
    private RosterImportItems() {
    }

    static Map<String, AttributeValue> importItem(RosterImport rosterImport) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.rosterImport(rosterImport.organizationId(),
                rosterImport.importId()));
        item.put("importId", s(rosterImport.importId()));
        item.put("organizationId", s(rosterImport.organizationId()));
        item.put("status", s(rosterImport.status().value()));
        item.put("dryRun", bool(rosterImport.dryRun()));
        item.put("source", s(rosterImport.source()));
        putIfPresent(item, "fileName", rosterImport.fileName());
        item.put("sizeBytes", n(rosterImport.sizeBytes()));
        putIfPresent(item, "objectKey", rosterImport.objectKey());
        item.put("totalRows", n(rosterImport.totalRows()));
        item.put("nextRow", n(rosterImport.nextRow()));
        item.put("created", n(rosterImport.counts().created()));
        item.put("updated", n(rosterImport.counts().updated()));
        item.put("unchanged", n(rosterImport.counts().unchanged()));
        item.put("errors", n(rosterImport.counts().errors()));
        item.put("resultChunks", n(rosterImport.resultChunks()));
        putIfPresent(item, "failureReason", rosterImport.failureReason());
        item.put("version", n(rosterImport.version()));
        putIfPresent(item, "createdBy", rosterImport.createdBy());
        putIfPresent(item, "createdAt", rosterImport.createdAt());
        putIfPresent(item, "updatedAt", rosterImport.updatedAt());
        return item;
    }

    static RosterImport importFrom(Map<String, AttributeValue> item) {
        RosterImportStatus status = RosterImportStatus.fromValue(text(item, "status")).orElseThrow(() ->
                new IllegalStateException("Roster import " + text(item, OrganizationKeys.SK) + " has status "
                        + text(item, "status")));
        return new RosterImport(OrganizationKeys.organizationOf(text(item, OrganizationKeys.PK)),
                text(item, "importId"), status, flag(item, "dryRun", false), text(item, "source"),
                text(item, "fileName"), number(item, "sizeBytes", 0), text(item, "objectKey"),
                number(item, "totalRows", -1), number(item, "nextRow", 0),
                new RosterImportCounts(number(item, "created", 0), number(item, "updated", 0),
                        number(item, "unchanged", 0), number(item, "errors", 0)),
                (int) number(item, "resultChunks", 0), text(item, "failureReason"), number(item, "version", 0),
                text(item, "createdBy"), text(item, "createdAt"), text(item, "updatedAt"));
    }

    static Map<String, AttributeValue> resultsItem(String organizationId, String importId, int chunk,
                                                   List<RosterImportResult> results) {
        Map<String, AttributeValue> item = new HashMap<>(OrganizationKeys.importResults(organizationId, importId, chunk));
        item.put("chunk", n(chunk));
        item.put("results", AttributeValue.fromL(results.stream().map(RosterImportItems::resultValue).toList()));
        return item;
    }

    static List<RosterImportResult> resultsFrom(Map<String, AttributeValue> item) {
        AttributeValue results = item.get("results");
        if (results == null || !results.hasL()) {
            return List.of();
        }
        return results.l().stream().map(value -> resultFrom(value.m())).toList();
    }

    private static AttributeValue resultValue(RosterImportResult result) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("row", n(result.row()));
        entry.put("outcome", s(result.outcome().value()));
        putIfPresent(entry, "userId", result.userId());
        putIfPresent(entry, "email", result.email());
        if (!result.errors().isEmpty()) {
            entry.put("errors", AttributeValue.fromL(result.errors().stream()
                    .map(problem -> AttributeValue.fromM(Map.of("field", s(problem.field()),
                            "message", s(problem.message())))).toList()));
        }
        return AttributeValue.fromM(entry);
    }

    private static RosterImportResult resultFrom(Map<String, AttributeValue> entry) {
        AttributeValue errors = entry.get("errors");
        List<RosterImportResult.Problem> problems = errors == null || !errors.hasL() ? List.of() : errors.l().stream()
                .map(value -> new RosterImportResult.Problem(text(value.m(), "field"), text(value.m(), "message")))
                .toList();
        return new RosterImportResult((int) number(entry, "row", 0),
                RosterImportResult.Outcome.fromValue(text(entry, "outcome")).orElse(RosterImportResult.Outcome.ERROR),
                text(entry, "userId"), text(entry, "email"), problems);
    }
}
