package org.microcred.organizations.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.organizations.service.MemberDirectory;
import org.microcred.organizations.service.MemberOutcome;
import org.microcred.records.organizations.RosterImportResult;
import org.microcred.records.organizations.RosterImportResult.Outcome;
import org.microcred.records.organizations.RosterImportResult.Problem;
import org.microcred.shared.domain.DomainException;

/**
 * Imports roster rows into an organisation's members, each through
 * {@link MemberDirectory#upsert}, so a roster does exactly what adding the people one by one
 * would (and a second import of the same file changes nothing). A refused row never stops the
 * others: it becomes an {@code error} result naming its columns.
 */
final class RosterImporter {
    private final MemberDirectory directory;

    RosterImporter(MemberDirectory directory) {
        this.directory = directory;
    }

    /**
     * Imports rows {@code from} (inclusive) to {@code to} (exclusive) of the file. Earlier rows
     * matter only for duplicates: a person's first row in the file is imported, any later row with
     * the same address is refused.
     */
    List<RosterImportResult> importRows(String organizationId, RosterFile file, int from, int to, boolean dryRun) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (int index = 0; index < to; index++) {
            RosterRow row = file.rows().get(index);
            RosterRowRules.duplicateKey(row).ifPresent(email -> firstRow.putIfAbsent(email, row.row()));
        }
        List<RosterImportResult> results = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            results.add(importRow(organizationId, file.format(), file.rows().get(index), firstRow, dryRun));
        }
        return results;
    }

    private RosterImportResult importRow(String organizationId, RosterFormat format, RosterRow row,
                                         Map<String, Integer> firstRow, boolean dryRun) {
        RosterRowRules.Reading reading = RosterRowRules.read(format, row);
        List<Problem> problems = new ArrayList<>(reading.problems());
        RosterRowRules.duplicateKey(row).map(firstRow::get).filter(first -> first < row.row()).ifPresent(first ->
                problems.add(0, new Problem(RosterCsv.EMAIL, "is on row " + first + " already; a person is "
                        + "imported from their first row only")));
        if (!problems.isEmpty()) {
            return new RosterImportResult(row.row(), Outcome.ERROR, null, reading.email(), problems);
        }
        try {
            MemberOutcome outcome = directory.upsert(organizationId, reading.input(), dryRun);
            return new RosterImportResult(row.row(), outcome(outcome.kind()), outcome.member().userId(),
                    reading.email(), List.of());
        } catch (DomainException refused) {
            // The user pool refused the address or a name: that row's problem, not the import's.
            List<Problem> reasons = refused.errors().isEmpty()
                    ? List.of(new Problem("row", refused.detail()))
                    : refused.errors().stream().map(error -> new Problem(error.field(), error.message())).toList();
            return new RosterImportResult(row.row(), Outcome.ERROR, null, reading.email(), reasons);
        }
    }

    private static Outcome outcome(MemberOutcome.Kind kind) {
        return switch (kind) {
            case CREATED -> Outcome.CREATED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
    }
}
