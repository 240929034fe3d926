package org.microcred.records.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import org.microcred.shared.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * An issuer's keys are stored before its badges, and written only when they are not stored yet:
 * every request the badge records make is seen by an interceptor on a real client to DynamoDB Local.
 */
@WithEmulators
class IssuerKeyPublishingTest {
    private static final List<SdkRequest> REQUESTS = new CopyOnWriteArrayList<>();
    private static TestStack stack;
    private static BadgesTable table;

    @BeforeAll
    static void start(TestStack testStack) {
        stack = testStack;
        DynamoDbClient local = stack.dynamoDb();
        DynamoDbClient seen = DynamoDbClient.builder().httpClient(AwsClients.httpClient())
                .region(local.serviceClientConfiguration().region())
                .endpointOverride(local.serviceClientConfiguration().endpointOverride().orElseThrow())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        REQUESTS.add(context.request());
                    }
                }))
                .build();
        table = new BadgesTable(seen, stack.tableName("BadgesTable"));
    }

    @BeforeEach
    void forget() {
        REQUESTS.clear();
    }

    @Test
    void issue_withNewKeys_storesThemBeforeTheBadge() {
        BadgeRecords badges = new BadgeRecords(table);

        badges.issue(BadgeRecordsTest.badge("bdg-00000000000000000000k001", "u-k1", "mc-k", "org-k1", "z6Mk-k1"),
                BadgeRecordsTest.key("kid-k1"), null);

        assertThat(REQUESTS).filteredOn(UpdateItemRequest.class::isInstance).extracting(r -> sortKey(r))
                .containsExactly("KEY#kid-k1", "MULTIKEY#z6Mk-k1");
        assertThat(REQUESTS.get(REQUESTS.size() - 1)).isInstanceOf(TransactWriteItemsRequest.class);
        IssuerRecords issuers = new IssuerRecords(new BadgesTable(stack.dynamoDb(), stack.tableName("BadgesTable")));
        assertThat(issuers.key("org-k1", "kid-k1")).contains(BadgeRecordsTest.key("kid-k1"));
        assertThat(issuers.publishesMultikey("org-k1", "z6Mk-k1")).isTrue();
    }

    @Test
    void issue_secondBadgeInAWarmFunction_neitherReadsNorWritesTheKeys() {
        BadgeRecords badges = new BadgeRecords(table);
        badges.issue(BadgeRecordsTest.badge("bdg-00000000000000000000k002", "u-k2", "mc-k", "org-k2", "z6Mk-k2"),
                BadgeRecordsTest.key("kid-k2"), null);
        REQUESTS.clear();

        badges.issue(BadgeRecordsTest.badge("bdg-00000000000000000000k003", "u-k3", "mc-k", "org-k2", "z6Mk-k2"),
                BadgeRecordsTest.key("kid-k2"), null);

        assertThat(REQUESTS).hasSize(1).first().isInstanceOfSatisfying(TransactWriteItemsRequest.class,
                transaction -> assertThat(transaction.transactItems()).hasSize(1)
                        .allSatisfy(item -> assertThat(item.put().item().get("pk").s()).startsWith("BADGE#")));
    }

    @Test
    void issue_inAColdFunction_readsStoredKeys_andWritesNone() {
        new BadgeRecords(table).issue(BadgeRecordsTest.badge("bdg-00000000000000000000k004", "u-k4", "mc-k", "org-k4",
                "z6Mk-k4"), BadgeRecordsTest.key("kid-k4"), null);
        REQUESTS.clear();

        new BadgeRecords(table).issue(BadgeRecordsTest.badge("bdg-00000000000000000000k005", "u-k5", "mc-k", "org-k4",
                "z6Mk-k4"), BadgeRecordsTest.key("kid-k4"), null);

        assertThat(REQUESTS).filteredOn(UpdateItemRequest.class::isInstance).isEmpty();
        assertThat(REQUESTS).filteredOn(GetItemRequest.class::isInstance).extracting(r -> sortKey(r))
                .containsExactly("KEY#kid-k4", "MULTIKEY#z6Mk-k4");
    }

    @Test
    void issue_whenTheStoredKeyDiffers_writesItAgain_keepingItsCreatedAt() {
        new BadgeRecords(table).issue(BadgeRecordsTest.badge("bdg-00000000000000000000k006", "u-k6", "mc-k", "org-k6",
                "z6Mk-k6"), BadgeRecordsTest.key("kid-k6"), null);
        stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("BadgesTable"))
                .key(BadgeKeys.key("org-k6", "kid-k6")).updateExpression("SET jwk = :old")
                .expressionAttributeValues(Map.of(":old", AttributeValue.fromS("{\"kty\":\"EC\",\"old\":true}"))));
        REQUESTS.clear();
        IssuerKey later = new IssuerKey("kid-k6", BadgeRecordsTest.key("kid-k6").jwk(), "2026-05-01T00:00:00.000Z");

        new BadgeRecords(table).issue(BadgeRecordsTest.badge("bdg-00000000000000000000k007", "u-k7", "mc-k", "org-k6",
                "z6Mk-k6"), later, null);

        assertThat(REQUESTS).filteredOn(UpdateItemRequest.class::isInstance).extracting(r -> sortKey(r))
                .containsExactly("KEY#kid-k6");
        IssuerRecords issuers = new IssuerRecords(new BadgesTable(stack.dynamoDb(), stack.tableName("BadgesTable")));
        assertThat(issuers.key("org-k6", "kid-k6")).contains(BadgeRecordsTest.key("kid-k6"));
    }

    private static String sortKey(SdkRequest request) {
        Map<String, AttributeValue> key = request instanceof UpdateItemRequest update ? update.key()
                : ((GetItemRequest) request).key();
        return key.get("sk").s();
    }
}
