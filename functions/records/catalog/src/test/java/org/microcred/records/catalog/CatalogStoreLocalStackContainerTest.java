package org.microcred.records.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.TableDefinition;
import org.microcred.records.core.ConcurrentChangeException;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * The catalog store against LocalStack's DynamoDB, for machines with Docker: the same table
 * template.yaml declares, the same conditional writes. Skipped cleanly where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class CatalogStoreLocalStackContainerTest {
    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.9"))
                    .withServices(LocalStackContainer.Service.DYNAMODB);

    private static CatalogStore store;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        TableDefinition table = SamTemplate.locate().table("CatalogTable");
        dynamoDb.createTable(r -> r.tableName("CatalogTable").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(table.keySchema()).attributeDefinitions(table.attributeDefinitions())
                .globalSecondaryIndexes(table.globalSecondaryIndexes()));
        dynamoDb.waiter().waitUntilTableExists(r -> r.tableName("CatalogTable"));
        store = new CatalogStore(dynamoDb, "CatalogTable");
    }

    @Test
    void publish_thenCardAndVersionAreReadable() {
        MicroCredential draft = new MicroCredential("exit-tickets-ls0001", "org-a", CatalogStatus.DRAFT, 1, 0, 0,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Documents.exitTickets());
        store.create(draft);
        MicroCredential published = draft.published("2026-01-02T00:00:00Z");
        PublishedMicroCredential version = new PublishedMicroCredential(draft.id(), "org-a", 1,
                CatalogStatus.PUBLISHED, "2026-01-02T00:00:00Z", draft.draft());

        store.publish(published, draft.revision(), version, SearchCard.of(version, 1_000L));

        assertThat(store.findVersion(draft.id(), 1)).contains(version);
        assertThat(store.cardsChangedAfter(0)).extracting(SearchCard::id).containsExactly(draft.id());
        assertThat(store.findDraft(draft.id())).map(MicroCredential::latestVersion).contains(1);
    }

    @Test
    void publish_withStaleRevision_isRefused() {
        MicroCredential draft = new MicroCredential("exit-tickets-ls0002", "org-a", CatalogStatus.DRAFT, 1, 0, 0,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Documents.exitTickets());
        store.create(draft);
        PublishedMicroCredential version = new PublishedMicroCredential(draft.id(), "org-a", 1,
                CatalogStatus.PUBLISHED, "2026-01-02T00:00:00Z", draft.draft());

        assertThatThrownBy(() -> store.publish(draft.published("now"), 7, version, SearchCard.of(version, 2_000L)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.findVersion(draft.id(), 1)).isEmpty();
        assertThat(List.of(store.findDraft(draft.id()).orElseThrow().latestVersion())).containsExactly(0);
    }
}
