package org.microcred.organizations.roster;

import java.util.Map;

/**
 * One person row of a roster.
 *
 * @param row   as a spreadsheet numbers it: the header is row 1, so the first person is row 2
 * @param cells the known columns' values, stripped, by their canonical name ({@code email},
 *              {@code givenName}, {@code familyName}, {@code role} or {@code roles},
 *              {@code sourcedId}, {@code enabledUser}); absent columns read as empty
 */
record RosterRow(int row, Map<String, String> cells) {
    RosterRow {
        cells = Map.copyOf(cells);
    }

    String cell(String column) {
        return cells.getOrDefault(column, "");
    }
}
