package org.microcred.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcred.records.catalog.CatalogStatus;
import org.microcred.records.catalog.SearchCard;

class SearchIndexTest {
    private final SearchIndex index = new SearchIndex();

    @Test
    void search_titleMatchesRankAboveMatchesElsewhere() {
        index.upsert(card("a", "Classroom routines", "Uses exit tickets daily", "formative-assessment", 1));
        index.upsert(card("b", "Exit tickets that inform", "Checks understanding", "formative-assessment", 2));

        assertThat(ids(search("exit tickets"))).containsExactly("b", "a");
    }

    @Test
    void search_isCaseInsensitiveMatchesWordPrefixesAndFoldsAccents() {
        index.upsert(card("a", "Évaluation formative", "Assessment for learning", "formative-assessment", 1));

        assertThat(ids(search("EVALUATION"))).containsExactly("a");
        assertThat(ids(search("assess"))).containsExactly("a");
        assertThat(ids(search("sessment"))).isEmpty();
    }

    @Test
    void search_requiresEveryWord() {
        index.upsert(card("a", "Exit tickets", "Formative", "formative-assessment", 1));

        assertThat(ids(search("exit routines"))).isEmpty();
    }

    @Test
    void search_filtersByCollectionAndAudience() {
        index.upsert(card("a", "Exit tickets", "x", "formative-assessment", 1));
        index.upsert(card("b", "Routines", "x", "classroom-management", 2));

        var query = new SearchQuery("", Optional.of("classroom-management"), Optional.of("k-12-teachers"),
                Optional.empty(), 20);
        assertThat(ids(index.search(query))).containsExactly("b");
        var noAudience = new SearchQuery("", Optional.empty(), Optional.of("principals"), Optional.empty(), 20);
        assertThat(index.search(noAudience)).isEmpty();
    }

    @Test
    void upsert_retiredCard_leavesTheListingButStaysKnown() {
        index.upsert(card("a", "Exit tickets", "x", "formative-assessment", 1));
        index.upsert(withStatus(card("a", "Exit tickets", "x", "formative-assessment", 2), CatalogStatus.RETIRED));

        assertThat(search("exit")).isEmpty();
        assertThat(index.card("a")).map(SearchCard::status).contains(CatalogStatus.RETIRED);
    }

    @Test
    void upsert_replayedOlderChange_isIgnored() {
        index.upsert(card("a", "New title", "x", "formative-assessment", 5));
        index.upsert(card("a", "Old title", "x", "formative-assessment", 4));

        assertThat(ids(search("new"))).containsExactly("a");
        assertThat(search("old")).isEmpty();
    }

    @Test
    void search_withoutText_listsByTitle() {
        index.upsert(card("z", "Zebra crossings", "x", "classroom-management", 1));
        index.upsert(card("y", "apple picking", "x", "classroom-management", 2));

        assertThat(ids(search(""))).containsExactly("y", "z");
    }

    private List<SearchIndex.Hit> search(String text) {
        return index.search(new SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), 20));
    }

    private static List<String> ids(List<SearchIndex.Hit> hits) {
        return hits.stream().map(hit -> hit.card().id()).toList();
    }

    private static SearchCard card(String id, String title, String competency, String collection, long changedAt) {
        return new SearchCard(id, "org-a", 1, CatalogStatus.PUBLISHED, title, "summary", competency, "method",
                collection, List.of("k-12-teachers"), null, "description", changedAt);
    }

    private static SearchCard withStatus(SearchCard card, CatalogStatus status) {
        return new SearchCard(card.id(), card.organizationId(), card.version(), status, card.title(), card.summary(),
                card.competency(), card.keyMethod(), card.collection(), card.audiences(), card.creditHours(),
                card.description(), card.changedAt());
    }
}
