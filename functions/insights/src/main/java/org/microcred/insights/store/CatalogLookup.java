package org.microcred.insights.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.PublishedCatalog;
import org.microcred.records.catalog.SearchCard;

/**
 * What reports and credits need from the catalog, cached for the life of a warm function:
 * a published version's credit hours forever (versions never change), a micro-credential's
 * card (title, collection, credit hours) for a few minutes, so a collection renamed by an
 * author shows in reports soon without a catalog read per report. An organisation's offerings
 * (index ByAuthor) are read for every report, so one published a minute ago has its row.
 */
public final class CatalogLookup {
    static final Duration CARD_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_CACHED = 20_000;

    private final PublishedCatalog catalog;
    private final Clock clock;
    private final Map<String, Optional<Double>> versionHours = new ConcurrentHashMap<>();
    private final Map<String, CachedCard> cards = new ConcurrentHashMap<>();

    /** A micro-credential as reports label it. */
    public record Card(String microCredentialId, String title, String collection, Double creditHours) {
    }

    private record CachedCard(Card card, Instant loadedAt) {
    }

    /** A micro-credential the organisation publishes now, as its draft lists it (the draft's title). */
    public record Offering(String microCredentialId, String title) {
    }

    public CatalogLookup(PublishedCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Credit hours the published version carries, if any. */
    public Optional<Double> creditHours(String microCredentialId, long version) {
        String key = microCredentialId + "#" + version;
        Optional<Double> cached = versionHours.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Double> hours = catalog.version(microCredentialId, Math.toIntExact(version))
                .map(published -> published.document().creditHours());
        if (versionHours.size() > MAX_CACHED) {
            versionHours.clear();
        }
        versionHours.put(key, hours);
        return hours;
    }

    /**
     * The organisation's own micro-credentials that are published now (index ByAuthor: one entry
     * per draft). Drafts never published are no offering yet; retired ones are none any more.
     */
    public List<Offering> publishedBy(String organizationId) {
        return catalog.authoredBy(organizationId, CatalogStatus.PUBLISHED).stream()
                .map(entry -> new Offering(entry.id(), entry.title())).toList();
    }

    /** The cards of these micro-credentials (missing ones are absent from the answer). */
    public Map<String, Card> cards(Collection<String> microCredentialIds) {
        Instant now = clock.instant();
        Map<String, Card> found = new HashMap<>();
        List<String> toLoad = new ArrayList<>();
        for (String id : microCredentialIds) {
            CachedCard cached = cards.get(id);
            if (cached != null && cached.loadedAt().plus(CARD_LIFETIME).isAfter(now)) {
                if (cached.card() != null) {
                    found.put(id, cached.card());
                }
            } else {
                toLoad.add(id);
            }
        }
        if (!toLoad.isEmpty()) {
            Map<String, SearchCard> loaded = catalog.cards(toLoad);
            for (String id : toLoad) {
                SearchCard card = loaded.get(id);
                Card label = card == null ? null : new Card(id, card.title(), card.collection(), card.creditHours());
                cards.put(id, new CachedCard(label, now));
                if (label != null) {
                    found.put(id, label);
                }
            }
        }
        return found;
    }
}
