package org.microcred.records.organizations;

import static org.microcred.records.core.Attributes.n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcred.records.core.Page;
import org.microcred.records.core.PageCursors;
import org.microcred.shared.domain.Invalid;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Roster imports ({@code ORG#<orgId> / IMPORT#<importId>}) and their per-row results, at most
 * {@value #MAX_RESULTS_PER_CHUNK} to an item, in the import's own partition
 * ({@code ORG#<orgId>#IMPORT#<importId> / RESULTS#00001}, ...). Every change of an import is
 * conditional on the version read, and a chunk's results are written in the same transaction as
 * the checkpoint that counts them, so a replayed stream record can never add a chunk twice.
 */
public final class RosterImports {
    /** 250 results with several long messages each stay far below DynamoDB's 400 KB per item. */
    public static final int MAX_RESULTS_PER_CHUNK = 250;
    private static final Set<String> CURSOR_KEYS = Set.of(OrganizationKeys.PK, OrganizationKeys.SK);
    private static final String RESULTS_PREFIX = "RESULTS#";

    private final OrganizationsTable table;

    public RosterImports(OrganizationsTable table) {
        this.table = table;
    }

    /** The import as it is now (consistent read). */
    public Optional<RosterImport> find(String organizationId, String importId) {
        return Optional.ofNullable(table.get(OrganizationKeys.rosterImport(organizationId, importId)))
                .map(RosterImportItems::importFrom);
    }

    /** @throws RecordConflictException when an import with this id exists */
    public void create(RosterImport rosterImport) {
        table.conditional(() -> table.dynamoDb().putItem(r -> r.tableName(table.name())
                        .item(RosterImportItems.importItem(rosterImport)).conditionExpression("attribute_not_exists(pk)")),
                "Roster import " + rosterImport.importId() + " exists");
    }

    /**
     * A new import that is finished already (a small roster imported within its request), with
     * its results as chunk 1 ({@code rosterImport.resultChunks()} must say so), both or neither.
     *
     * @throws RecordConflictException when an import with this id exists
     */
    public void createFinished(RosterImport rosterImport, List<RosterImportResult> results) {
        requireChunkFits(results);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(RosterImportItems.importItem(rosterImport)).conditionExpression("attribute_not_exists(pk)")
                .build()).build());
        if (rosterImport.resultChunks() > 0) {
            writes.add(chunk(rosterImport, results));
        }
        table.transact(writes, "Roster import " + rosterImport.importId() + " exists");
    }

    /**
     * Replaces the import if it is still at {@code expectedVersion}.
     *
     * @throws RecordConflictException when it changed meanwhile (or is gone)
     */
    public void replace(RosterImport updated, long expectedVersion) {
        table.conditional(() -> table.dynamoDb().putItem(r -> r.tableName(table.name())
                        .item(RosterImportItems.importItem(updated))
                        .conditionExpression("attribute_exists(pk) AND version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))),
                "Roster import " + updated.importId() + " changed since version " + expectedVersion);
    }

    /**
     * Records one processed chunk: its results as item {@code updated.resultChunks()} and the
     * import's new progress, both or neither, if the import is still at {@code expectedVersion}.
     *
     * @throws RecordConflictException when the import moved on meanwhile (the chunk was done already)
     */
    public void checkpoint(RosterImport updated, long expectedVersion, List<RosterImportResult> results) {
        requireChunkFits(results);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(RosterImportItems.importItem(updated))
                .conditionExpression("attribute_exists(pk) AND version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build()).build());
        writes.add(chunk(updated, results));
        table.transact(writes, "Roster import " + updated.importId() + " changed since version " + expectedVersion);
    }

    /**
     * One chunk of an import's results (a page is a chunk of at most {@value #MAX_RESULTS_PER_CHUNK}
     * rows, in row order) and the cursor of the next chunk, if there is one.
     *
     * @throws Invalid (field {@code cursor}) for a cursor not issued for this import
     */
    public Page<RosterImportResult> results(RosterImport rosterImport, Optional<String> cursor) {
        if (rosterImport.resultChunks() == 0) {
            return new Page<>(List.of(), Optional.empty());
        }
        String partition = OrganizationKeys.importResultsPartition(rosterImport.organizationId(),
                rosterImport.importId());
        int chunk = cursor.map(raw -> chunkOf(PageCursors.decode(raw, CURSOR_KEYS, OrganizationKeys.PK, partition)))
                .orElse(1);
        if (chunk < 1 || chunk > rosterImport.resultChunks()) {
            throw new Invalid("cursor", "belongs to a different list; start again without it");
        }
        Map<String, AttributeValue> item = table.get(OrganizationKeys.importResults(rosterImport.organizationId(),
                rosterImport.importId(), chunk));
        List<RosterImportResult> results = item == null ? List.of() : RosterImportItems.resultsFrom(item);
        Optional<String> next = chunk < rosterImport.resultChunks()
                ? Optional.of(PageCursors.encode(OrganizationKeys.importResults(rosterImport.organizationId(),
                rosterImport.importId(), chunk + 1)))
                : Optional.empty();
        return new Page<>(results, next);
    }

    private TransactWriteItem chunk(RosterImport rosterImport, List<RosterImportResult> results) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name())
                .item(RosterImportItems.resultsItem(rosterImport.organizationId(), rosterImport.importId(),
                        rosterImport.resultChunks(), results))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static int chunkOf(Map<String, AttributeValue> key) {
        String sk = key.get(OrganizationKeys.SK).s();
        if (!sk.matches(RESULTS_PREFIX + "\\d{5}")) {
            throw new Invalid("cursor", "is not a cursor this API issued; start again without it");
        }
        return Integer.parseInt(sk.substring(RESULTS_PREFIX.length()));
    }

    private static void requireChunkFits(List<RosterImportResult> results) {
        if (results.size() > MAX_RESULTS_PER_CHUNK) {
            throw new IllegalArgumentException("At most " + MAX_RESULTS_PER_CHUNK + " results per chunk, not "
                    + results.size());
        }
    }
}
