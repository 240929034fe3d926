package org.microcred.organizations.roster;

import java.util.List;

/** A roster read whole: its layout and its person rows (blank lines left out, their numbers kept). */
record RosterFile(RosterFormat format, List<RosterRow> rows) {
    RosterFile {
        rows = List.copyOf(rows);
    }
}
