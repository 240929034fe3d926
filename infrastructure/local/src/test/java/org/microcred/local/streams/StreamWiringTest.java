package org.microcred.local.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcred.local.fixtures.Fixtures;
import org.microcred.local.fixtures.RecordingStreamHandler;
import org.microcred.local.junit.RunningStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The template's {@code Type: DynamoDB} event feeds OutboxTable's stream to a test handler
 * (batch size 2, ReportBatchItemFailures, at most 2 retries). Each test uses its own ids.
 */
class StreamWiringTest {
    private static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = RunningStack.start(Fixtures.options());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void insertedItem_reachesTheFunctionAsADynamodbEventRecord() {
        put("insert-1", "");

        awaitTrue(() -> delivered("insert-1") >= 1);
        DynamodbEvent.DynamodbStreamRecord record = RecordingStreamHandler.RECORDS.stream()
                .filter(candidate -> candidate.getDynamodb().getKeys().get("id").getS().equals("insert-1"))
                .findFirst().orElseThrow();
        assertThat(record.getEventName()).isEqualTo("INSERT");
        assertThat(record.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.getEventSourceARN()).contains("OutboxTable");
        assertThat(record.getDynamodb().getNewImage().get("payload").getS()).isEqualTo("payload of insert-1");
        assertThat(record.getDynamodb().getOldImage()).isNull();
        assertThat(record.getDynamodb().getSequenceNumber()).isNotBlank();
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void batches_neverExceedTheTemplatesBatchSize() {
        for (int i = 0; i < 5; i++) {
            put("batch-" + i, "");
        }

        awaitTrue(() -> delivered("batch-4") >= 1);
        assertThat(RecordingStreamHandler.BATCHES).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void reportedFailure_retriesFromTheFailedItemOnly() {
        put("retry-ok", "");
        put("retry-flaky", "fail-once");

        awaitTrue(() -> delivered("retry-flaky") >= 2);
        assertThat(delivered("retry-ok")).isEqualTo(1);
    }

    @Test
    void itemFailingEveryTime_endsInTheDeadLettersAfterTheRetryLimit() {
        put("poison", "fail-always");

        awaitTrue(() -> !deadLettersOf("poison").isEmpty());
        assertThat(delivered("poison")).isEqualTo(3);
        assertThat(deadLettersOf("poison").get(0).attempts()).isEqualTo(3);
    }

    private static void put(String id, String behaviour) {
        stack.stack().emulators().dynamoDb().putItem(request -> request.tableName("OutboxTable").item(Map.of(
                "id", AttributeValue.fromS(id),
                "payload", AttributeValue.fromS("payload of " + id),
                "behaviour", AttributeValue.fromS(behaviour))));
    }

    private static long delivered(String id) {
        return RecordingStreamHandler.BATCHES.stream().flatMap(List::stream).filter(id::equals).count();
    }

    private static List<DeadLetter> deadLettersOf(String id) {
        return stack.stack().streams().deadLetters().stream()
                .filter(letter -> letter.functionLogicalId().equals("OutboxFunction"))
                .filter(letter -> RecordingStreamHandler.RECORDS.stream()
                        .anyMatch(record -> record.getDynamodb().getKeys().get("id").getS().equals(id)
                                && letter.sequenceNumbers().contains(record.getDynamodb().getSequenceNumber())))
                .toList();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out; batches so far: " + RecordingStreamHandler.BATCHES);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
