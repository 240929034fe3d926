package org.microcred.catalog.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.microcred.records.catalog.SearchCard;

/**
 * The in-memory search index a warm function keeps of the whole catalog: an inverted index from
 * words to cards, matched by word prefix, so a search costs microseconds instead of a table read
 * per request. It is fed incrementally with the cards changed since it last looked.
 */
final class SearchIndex {
    static final int TITLE = 1;
    static final int COMPETENCY = 2;
    static final int KEY_METHOD = 4;
    static final int TEXT = 8;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int[] NO_RANK = new int[2];

    private final Map<String, SearchCard> cards = new HashMap<>();
    /** Lower-cased titles, computed once per change rather than once per search. */
    private final Map<String, String> titleKeys = new HashMap<>();
    private final Map<String, Set<String>> wordsByCard = new HashMap<>();
    private final TreeMap<String, Map<String, Integer>> postings = new TreeMap<>();

    /** One search result with what ranked it. */
    record Hit(SearchCard card, RankKey rank) {
    }

    /** The hits of one page, best first, and whether more follow. */
    record Page(List<Hit> hits, boolean hasMore) {
    }

    synchronized Optional<SearchCard> card(String id) {
        return Optional.ofNullable(cards.get(id));
    }

    /** Adds or replaces a card; an older copy of a card already seen (a replayed change) is ignored. */
    synchronized void upsert(SearchCard card) {
        SearchCard existing = cards.get(card.id());
        if (existing != null && existing.changedAt() > card.changedAt()) {
            return;
        }
        removePostings(card.id());
        cards.put(card.id(), card);
        titleKeys.put(card.id(), titleKey(card));
        if (card.isListed()) {
            addPostings(card);
        }
    }

    /** Every listed card matching the query and filters, ranked. */
    List<Hit> search(SearchQuery query) {
        return search(query, null, Integer.MAX_VALUE).hits();
    }

    /**
     * The best {@code limit} listed cards matching the query and filters that rank after
     * {@code after} (null: from the top). Keeps only a page-sized heap instead of sorting every
     * match, so a page costs O(matches x log limit) however large the catalog.
     */
    synchronized Page search(SearchQuery query, RankKey after, int limit) {
        List<String> terms = words(query.text());
        Map<String, int[]> matched = terms.isEmpty() ? null : match(terms);
        Comparator<Hit> worstFirst = Comparator.comparing(Hit::rank).reversed();
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.min(limit, 64) + 1, worstFirst);
        boolean hasMore = false;
        for (SearchCard card : cards.values()) {
            if (!card.isListed() || !passesFilters(card, query)) {
                continue;
            }
            int[] rank = matched == null ? NO_RANK : matched.get(card.id());
            if (rank == null) {
                continue;
            }
            RankKey key = new RankKey(rank[0], rank[1], titleKeys.get(card.id()), card.id());
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            if (best.size() < limit) {
                best.add(new Hit(card, key));
            } else {
                hasMore = true;
                if (key.compareTo(best.peek().rank()) < 0) {
                    best.poll();
                    best.add(new Hit(card, key));
                }
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparing(Hit::rank));
        return new Page(hits, hasMore);
    }

    /**
     * For each card matching every term (by word prefix): how many terms hit the title and a score
     * weighting title over competency over key method over the rest.
     */
    private Map<String, int[]> match(List<String> terms) {
        Map<String, int[]> result = null;
        for (String term : terms) {
            Map<String, Integer> masks = new HashMap<>();
            for (Map<String, Integer> posting : postings.subMap(term, true, term + Character.MAX_VALUE, false).values()) {
                posting.forEach((id, mask) -> masks.merge(id, mask, (a, b) -> a | b));
            }
            Map<String, int[]> next = new HashMap<>();
            for (Map.Entry<String, Integer> entry : masks.entrySet()) {
                int[] previous = result == null ? new int[2] : result.get(entry.getKey());
                if (previous == null) {
                    continue;
                }
                int mask = entry.getValue();
                next.put(entry.getKey(), new int[] {previous[0] + ((mask & TITLE) != 0 ? 1 : 0),
                        previous[1] + weight(mask)});
            }
            result = next;
            if (result.isEmpty()) {
                break;
            }
        }
        return result;
    }

    private static int weight(int mask) {
        return ((mask & TITLE) != 0 ? 8 : 0) + ((mask & COMPETENCY) != 0 ? 4 : 0)
                + ((mask & KEY_METHOD) != 0 ? 2 : 0) + ((mask & TEXT) != 0 ? 1 : 0);
    }

    private static boolean passesFilters(SearchCard card, SearchQuery query) {
        return query.collection().map(c -> c.equals(card.collection())).orElse(true)
                && query.audience().map(a -> card.audiences().contains(a)).orElse(true);
    }

    private void addPostings(SearchCard card) {
        Map<String, Integer> masks = new HashMap<>();
        index(masks, card.title(), TITLE);
        index(masks, card.competency(), COMPETENCY);
        index(masks, card.keyMethod(), KEY_METHOD);
        index(masks, card.summary(), TEXT);
        index(masks, card.description(), TEXT);
        masks.forEach((word, mask) -> postings.computeIfAbsent(word, w -> new HashMap<>()).put(card.id(), mask));
        wordsByCard.put(card.id(), new HashSet<>(masks.keySet()));
    }

    private void removePostings(String id) {
        Set<String> words = wordsByCard.remove(id);
        if (words == null) {
            return;
        }
        for (String word : words) {
            Map<String, Integer> posting = postings.get(word);
            posting.remove(id);
            if (posting.isEmpty()) {
                postings.remove(word);
            }
        }
    }

    private static void index(Map<String, Integer> masks, String text, int field) {
        for (String word : words(text)) {
            masks.merge(word, field, (a, b) -> a | b);
        }
    }

    /** Lower-cased words with accents folded, so "Évaluation" is found by "evaluation". */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(folded)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String titleKey(SearchCard card) {
        return card.title() == null ? "" : card.title().toLowerCase(Locale.ROOT);
    }
}
