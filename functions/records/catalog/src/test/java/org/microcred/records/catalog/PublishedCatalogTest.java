package org.microcred.records.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the other functions read the catalog, against DynamoDB Local: what the catalog wrote, and older items. */
@WithEmulators
class PublishedCatalogTest {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CatalogStore store;
    private final PublishedCatalog catalog;

    PublishedCatalogTest(TestStack stack) {
        this.dynamoDb = stack.dynamoDb();
        this.table = stack.tableName("CatalogTable");
        this.store = new CatalogStore(dynamoDb, table);
        this.catalog = new PublishedCatalog(dynamoDb, table);
    }

    private PublishedMicroCredential publish(String id, String organizationId) {
        MicroCredential draft = new MicroCredential(id, organizationId, CatalogStatus.DRAFT, 1, 0, 0,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Documents.exitTickets());
        store.create(draft);
        PublishedMicroCredential version = new PublishedMicroCredential(id, organizationId, 1,
                CatalogStatus.PUBLISHED, "2026-01-02T00:00:00Z", draft.draft());
        store.publish(draft.published("2026-01-02T00:00:00Z"), draft.revision(), version, SearchCard.of(version, 1_000L));
        return version;
    }

    @Test
    void latest_afterPublishing_isTheVersionTheCardNames_withItsTypedDocument() {
        PublishedMicroCredential published = publish("pc-latest", "org-a");

        assertThat(catalog.latest("pc-latest")).contains(published);
        assertThat(catalog.currentVersion("pc-latest", 1)).contains(published);
        PublishedMicroCredential version = catalog.version("pc-latest", 1).orElseThrow();
        assertThat(version.document().rubric()).isNotEmpty();
        assertThat(version.document().evidenceRequirements()).extracting(EvidenceRequirement::title)
                .contains("Reflection");
        assertThat(catalog.currentCard("pc-latest")).map(SearchCard::organizationId).contains("org-a");
        assertThat(catalog.ownerOf("pc-latest")).contains("org-a");
    }

    @Test
    void unknownMicroCredential_readsAsEmpty() {
        assertThat(catalog.latest("pc-none")).isEmpty();
        assertThat(catalog.card("pc-none")).isEmpty();
        assertThat(catalog.version("pc-none", 1)).isEmpty();
        assertThat(catalog.ownerOf("pc-none")).isEmpty();
        assertThat(catalog.cards(List.of("pc-none"))).isEmpty();
    }

    @Test
    void cardsAndAuthoredBy_listWhatIsPublished() {
        publish("pc-list-1", "org-list");
        publish("pc-list-2", "org-list");
        store.create(new MicroCredential("pc-list-3", "org-list", CatalogStatus.DRAFT, 1, 0, 0,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Documents.exitTickets()));

        assertThat(catalog.cards(List.of("pc-list-1", "pc-list-2", "pc-list-3"))).containsOnlyKeys("pc-list-1",
                "pc-list-2");
        assertThat(catalog.authoredBy("org-list", CatalogStatus.PUBLISHED)).extracting(AuthoredEntry::id)
                .containsExactlyInAnyOrder("pc-list-1", "pc-list-2");
    }

    @Test
    void version_writtenWithFewAttributesAndASingleCompetency_stillReads() {
        Map<String, AttributeValue> item = new HashMap<>(CatalogKeys.version("pc-old", 2));
        item.put("document", AttributeValue.fromS("{\"title\":\"Old\",\"competency\":\"Plans lessons\","
                + "\"evidenceRequirements\":[{\"id\":\"plan\",\"title\":\"Plan\"}],\"futureField\":1}"));
        dynamoDb.putItem(r -> r.tableName(table).item(item));

        PublishedMicroCredential version = catalog.version("pc-old", 2).orElseThrow();

        assertThat(version.id()).isEqualTo("pc-old");
        assertThat(version.version()).isEqualTo(2);
        assertThat(version.competency()).isEqualTo("Plans lessons");
        assertThat(version.document().evidenceRequirements()).singleElement()
                .satisfies(requirement -> assertThat(requirement.required()).isTrue());
    }
}
