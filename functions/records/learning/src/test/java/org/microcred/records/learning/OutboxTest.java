package org.microcred.records.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
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
                "subject", "body", "createdAt");
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

    @Test
    void aTypicalEmail_isStoredInOneWriteUnit() throws IOException {
        OutboxEmail email = journeyEmail("enr-" + UUID.randomUUID() + "#welcome");
        assertThat(email.html().length() + email.text().length()).as("a 2-3 KB email").isGreaterThan(2_000);

        Map<String, AttributeValue> item = OutboxItems.emailItem(email);
        double units = stack.dynamoDb().putItem(r -> r.tableName(table).item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertThat(size(item)).as("item bytes").isLessThanOrEqualTo(1_024);
        assertThat(units).isEqualTo(1.0);
        assertThat(store.find(email.messageId()).orElseThrow().email()).isEqualTo(email);
    }

    @Test
    void bodies_readBackExactly_whateverTheyHold() {
        String html = "<p>Zoë – “quoted” 😀 &amp; <script>x</script></p>\r\n\u0000trailing  ";
        String text = "Zoë – “quoted” 😀\r\n\n";
        for (OutboxEmail email : List.of(email(null, html, text), email(null, "", text), email(null, html, ""),
                email(null, "", ""))) {
            writer.queue(email);

            assertThat(store.find(email.messageId()).orElseThrow().email()).isEqualTo(email);
        }
    }

    @Test
    void anEmailWrittenBeforeIssue16_withPlainStringBodies_readsTheSame() {
        OutboxEmail email = email("coach@riverbend.example");
        Map<String, AttributeValue> item = new HashMap<>(OutboxItems.emailItem(email));
        item.remove("body");
        item.put("html", AttributeValue.fromS(email.html()));
        item.put("text", AttributeValue.fromS(email.text()));
        stack.dynamoDb().putItem(r -> r.tableName(table).item(item));

        assertThat(store.find(email.messageId())).contains(new QueuedEmail(email, Optional.empty(), Optional.empty()));
        assertThat(OutboxItems.email(item)).isEqualTo(email);
    }

    @Test
    void aBodyThatDoesNotDecompress_readsAsNoBodies() {
        OutboxEmail email = email(null);
        Map<String, AttributeValue> item = new HashMap<>(OutboxItems.emailItem(email));
        item.put("body", AttributeValue.fromB(SdkBytes.fromUtf8String("not gzip")));
        stack.dynamoDb().putItem(r -> r.tableName(table).item(item));

        OutboxEmail read = store.find(email.messageId()).orElseThrow().email();

        assertThat(read.html()).isEmpty();
        assertThat(read.text()).isEmpty();
        assertThat(read.subject()).isEqualTo(email.subject());
    }

    /** An email as the journey sends them (the enrolment's welcome, captured from the capacity benchmark). */
    private static OutboxEmail journeyEmail(String messageId) throws IOException {
        return new OutboxEmail(messageId, "org-riverbend", "Riverbend Unified School District",
                List.of("maya.lopez@riverbend.example"), "sam.okafor@riverbend.example",
                "Welcome to Exit Tickets That Inform Instruction: your coach is Sam Okafor",
                resource("welcome.html"), resource("welcome.txt"), "2026-01-01T00:00:00.000Z");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OutboxTest.class.getResourceAsStream("/outbox/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The item's size as DynamoDB bills it: names and values in UTF-8, binary as stored, lists 3 + 1 per element. */
    private static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + size(attribute.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
        }
        throw new IllegalArgumentException("not an outbox attribute: " + value);
    }

    private static OutboxEmail email(String replyTo) {
        return email(replyTo, "<p>Welcome</p>", "Welcome");
    }

    private static OutboxEmail email(String replyTo, String html, String text) {
        return new OutboxEmail("enr-" + UUID.randomUUID() + "#welcome", "org-riverbend", "Riverbend Unified School District",
                List.of("maya@riverbend.example"), replyTo, "Welcome", html, text, "2026-01-01T00:00:00.000Z");
    }
}
