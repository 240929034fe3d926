package org.microcred.catalog.service;

import java.util.Comparator;

/** Where a result sorts: more query words in the title first, then a higher field score, then by title and id. */
record RankKey(int titleMatches, int score, String titleKey, String id) implements Comparable<RankKey> {
    private static final Comparator<RankKey> ORDER = Comparator.comparingInt(RankKey::titleMatches).reversed()
            .thenComparing(Comparator.comparingInt(RankKey::score).reversed())
            .thenComparing(RankKey::titleKey)
            .thenComparing(RankKey::id);

    @Override
    public int compareTo(RankKey other) {
        return ORDER.compare(this, other);
    }
}
