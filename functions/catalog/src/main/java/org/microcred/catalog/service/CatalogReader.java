package org.microcred.catalog.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.microcred.catalog.model.SearchPage;
import org.microcred.shared.domain.NotFound;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.records.catalog.PublishedMicroCredential;
import org.microcred.records.catalog.SearchCard;

/**
 * What anyone may read of the catalog: search over published micro-credentials and each one in
 * full. Before answering it pulls the cards changed since its last look into its
 * {@link SearchIndex}; on a warm function that is one small Query that usually returns nothing.
 */
public class CatalogReader {
    /**
     * Each refresh re-reads changes stamped up to this long before the previous refresh began:
     * a write stamped earlier but committed (or replicated to the index) later is still picked up.
     * Once the catalog has been quiet this long, a refresh reads nothing.
     */
    static final long OVERLAP_MILLIS = 5_000;

    private final CatalogStore store;
    private final Clock clock;
    private final long refreshIntervalMillis;
    private final SearchIndex index = new SearchIndex();
    private volatile long previousRefreshStarted = Long.MIN_VALUE;

    /**
     * @param refreshIntervalMillis how stale a listing may be: within this interval after a
     *                              refresh, searches answer from memory without asking the table
     */
    public CatalogReader(CatalogStore store, Clock clock, long refreshIntervalMillis) {
        this.store = store;
        this.clock = clock;
        this.refreshIntervalMillis = refreshIntervalMillis;
    }

    /** Pulls recent changes into the index unless it refreshed within the interval. */
    private void refreshIfDue() {
        long previous = previousRefreshStarted;
        if (previous == Long.MIN_VALUE || clock.millis() - previous >= refreshIntervalMillis) {
            refresh();
        }
    }

    /** Pulls recent changes into the index now; public so a function can warm itself at init. */
    public void refresh() {
        long started = clock.millis();
        long previous = previousRefreshStarted;
        long after = previous == Long.MIN_VALUE ? Long.MIN_VALUE : previous - OVERLAP_MILLIS;
        store.cardsChangedAfter(after).forEach(index::upsert);
        previousRefreshStarted = started;
    }

    public SearchPage search(SearchQuery query) {
        refreshIfDue();
        RankKey after = query.cursor().map(cursor -> SearchCursor.decode(cursor, query).after()).orElse(null);
        SearchIndex.Page page = index.search(query, after, query.limit());
        List<SearchCard> items = new ArrayList<>(page.hits().size());
        page.hits().forEach(hit -> items.add(hit.card()));
        String next = page.hasMore() ? SearchCursor.after(page.hits().get(page.hits().size() - 1), query).encode() : null;
        return new SearchPage(items, next);
    }

    /**
     * A published micro-credential: its latest version, or an earlier one when asked.
     *
     * @throws NotFound for unknown ids, drafts never published and versions that do not exist
     */
    public PublishedMicroCredential find(String id, Optional<Integer> version) {
        refreshIfDue();
        SearchCard card = index.card(id).orElse(null);
        if (card == null || version.orElse(0) > card.version()) {
            // Maybe published since the last refresh: a link shared right after publishing must work.
            refresh();
            card = index.card(id).orElseThrow(() -> notFound(id));
        }
        int latest = card.version();
        int wanted = version.orElse(latest);
        if (wanted < 1 || wanted > card.version()) {
            throw new NotFound("Micro-credential " + id + " has no version " + wanted
                    + "; the latest is version " + latest + ".");
        }
        CatalogStatus status = card.status();
        return store.findVersion(id, wanted)
                .map(published -> published.withStatus(status))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFound notFound(String id) {
        return new NotFound("There is no published micro-credential with id " + id + ".");
    }
}
