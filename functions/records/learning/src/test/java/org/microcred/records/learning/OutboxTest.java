package org.microcred.records.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The outbox contract (docs/data-model.md) as written by every function and read by the notification function. */
@ExtendWith(EmulatorsExtension.class)
class OutboxTest {
    private static TestStack stack;
    private static String table;
    private static OutboxWriter writer;
    private static OutboxStore store;

    @BeforeAll
    static void tables(TestStack testStack) {
        stack = testStack;
        table = stack.tableName("LearningTable");
        writer = new OutboxWriter(stack.dynamoDb(), table);
        store = new OutboxStore(stack.dynamoDb(), table);
    }

    @Test
    void queuedEmail_isStoredWithTheContractsAttributes_andReadsBackPending() {
        OutboxEmail email = email("coach@riverbend.example");

        assertThat(writer.queue(email)).isTrue();

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(r -> r.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("OUTBOX#" + email.messageId()), "sk", AttributeValue.fromS("EMAIL")))).item();
        assertThat(item).containsOnlyKeys("pk", "sk", "messageId", "organizationId", "fromName", "to", "replyTo",
                "subject", "html", "text", "createdAt");
        assertThat(item.get("to").l()).extracting(AttributeValue::s).containsExactly("maya@riverbend.example");
        assertThat(store.find(email.messageId())).contains(new QueuedEmail(email, Optional.empty(),
                Optional.empty()));
    }

    @Test
    void theSameMessageId_isQueuedOnce() {
        OutboxEmail email = email(null);
        assertThat(writer.queue(email)).isTrue();

        assertThat(writer.queue(email)).isFalse();
        assertThatThrownBy(() -> stack.dynamoDb().transactWriteItems(r -> r.transactItems(writer.transactItem(email))))
                .isInstanceOf(TransactionCanceledException.class);
    }

    @Test
    void anEmailWithoutReplyTo_leavesTheAttributeOut() {
        OutboxEmail email = email("");
        stack.dynamoDb().transactWriteItems(r -> r.transactItems(writer.transactItem(email)));

        QueuedEmail read = store.find(email.messageId()).orElseThrow();
        assertThat(read.email().replyTo()).isNull();
        assertThat(read.isDone()).isFalse();
    }

    @Test
    void theFirstMarkWins() {
        OutboxEmail email = email(null);
        writer.queue(email);

        assertThat(store.markSent(email.messageId(), "ses-1", Instant.parse("2026-01-02T00:00:00Z"))).isTrue();
        assertThat(store.markFailed(email.messageId(), "too late", Instant.parse("2026-01-02T00:00:01Z"))).isFalse();

        QueuedEmail read = store.find(email.messageId()).orElseThrow();
        assertThat(read.isDone()).isTrue();
        assertThat(read.sentAt()).contains("2026-01-02T00:00:00Z");
        assertThat(read.failedAt()).isEmpty();
    }

    @Test
    void aMalformedItem_readsAsStored_soTheReaderCanSayWhatIsWrong() {
        String messageId = "malformed-" + UUID.randomUUID();
        stack.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("OUTBOX#" + messageId),
                "sk", AttributeValue.fromS("EMAIL"), "to", AttributeValue.fromS("not-a-list@riverbend.example"))));

        OutboxEmail read = store.find(messageId).orElseThrow().email();

        assertThat(read.to()).isEmpty();
        assertThat(read.subject()).isEmpty();
        assertThat(read.replyTo()).isNull();
    }

    private static OutboxEmail email(String replyTo) {
        return new OutboxEmail("enr-" + UUID.randomUUID() + "#welcome", "org-riverbend", "Riverbend Unified School District",
                List.of("maya@riverbend.example"), replyTo, "Welcome", "<p>Welcome</p>", "Welcome",
                "2026-01-01T00:00:00.000Z");
    }
}
