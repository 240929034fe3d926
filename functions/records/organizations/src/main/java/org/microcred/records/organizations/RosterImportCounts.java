package org.microcred.records.organizations;

import java.util.List;

/** How many rows of a roster import created, updated or left members unchanged, and how many were refused. */
public record RosterImportCounts(long created, long updated, long unchanged, long errors) {
    public static final RosterImportCounts NONE = new RosterImportCounts(0, 0, 0, 0);

    /** These counts with the outcome of each of {@code results} added. */
    public RosterImportCounts plus(List<RosterImportResult> results) {
        long c = created;
        long u = updated;
        long same = unchanged;
        long e = errors;
        for (RosterImportResult result : results) {
            switch (result.outcome()) {
                case CREATED -> c++;
                case UPDATED -> u++;
                case UNCHANGED -> same++;
                case ERROR -> e++;
            }
        }
        return new RosterImportCounts(c, u, same, e);
    }

    public long total() {
        return created + updated + unchanged + errors;
    }
}
